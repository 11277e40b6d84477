package org.reeltrace.drm.cenc;

/**
 * Finds where an H.264 slice header ends (ISO/IEC 14496-10 §7.3.3), so that a subsample's clear
 * part can cover the NAL header and the whole slice header and protection starts in the slice
 * data, as ISO/IEC 23001-7 §10.4 requires for cbcs (and Apple's players check) and as Shaka
 * Packager writes for every scheme.
 */
final class AvcSliceHeader {
    private static final int P = 0;
    private static final int B = 1;
    private static final int I = 2;
    private static final int SP = 3;
    private static final int SI = 4;

    private AvcSliceHeader() {
    }

    /** Parses the slice header of the VCL NAL unit {@code nal[off, off+len)} (NAL header byte first). */
    static SliceHeaderEnd parse(byte[] nal, int off, int len, AvcParameterSets sets) throws RbspBits.OutOfData, RbspBits.Malformed {
        int nalRefIdc = (nal[off] >> 5) & 3;
        int nalType = nal[off] & 0x1f;
        boolean idr = nalType == 5;
        RbspBits r = new RbspBits(nal, off, len);
        r.bits(8); // NAL header
        r.ue(); // first_mb_in_slice
        int sliceType = r.ue(9, "slice_type") % 5;
        int ppsId = r.ue(255, "pic_parameter_set_id");
        AvcParameterSets.Pps pps = sets.pps(ppsId).orElseThrow(() -> new RbspBits.Malformed("a slice refers to PPS " + ppsId
                + ", which neither avcC nor the samples define"));
        AvcParameterSets.Sps sps = sets.sps(pps.spsId()).orElseThrow(() -> new RbspBits.Malformed("PPS " + ppsId + " refers to SPS "
                + pps.spsId() + ", which neither avcC nor the samples define"));
        if (sps.separateColourPlane()) {
            r.bits(2); // colour_plane_id
        }
        r.bits(sps.log2MaxFrameNum()); // frame_num
        boolean fieldPic = false;
        if (!sps.frameMbsOnly()) {
            fieldPic = r.flag();
            if (fieldPic) {
                r.flag(); // bottom_field_flag
            }
        }
        if (idr) {
            r.ue(); // idr_pic_id
        }
        if (sps.pocType() == 0) {
            r.bits(sps.log2MaxPocLsb()); // pic_order_cnt_lsb
            if (pps.bottomFieldPicOrderInFramePresent() && !fieldPic) {
                r.se(); // delta_pic_order_cnt_bottom
            }
        }
        if (sps.pocType() == 1 && !sps.deltaPicOrderAlwaysZero()) {
            r.se(); // delta_pic_order_cnt[0]
            if (pps.bottomFieldPicOrderInFramePresent() && !fieldPic) {
                r.se(); // delta_pic_order_cnt[1]
            }
        }
        if (pps.redundantPicCntPresent()) {
            r.ue(); // redundant_pic_cnt
        }
        if (sliceType == B) {
            r.flag(); // direct_spatial_mv_pred_flag
        }
        int l0 = pps.numRefIdxL0Default();
        int l1 = pps.numRefIdxL1Default();
        if (sliceType == P || sliceType == SP || sliceType == B) {
            if (r.flag()) { // num_ref_idx_active_override_flag
                l0 = r.ue(31, "num_ref_idx_l0_active_minus1") + 1;
                if (sliceType == B) {
                    l1 = r.ue(31, "num_ref_idx_l1_active_minus1") + 1;
                }
            }
        }
        if (sliceType != I && sliceType != SI) {
            skipRefPicListModification(r);
            if (sliceType == B) {
                skipRefPicListModification(r);
            }
        }
        if ((pps.weightedPred() && (sliceType == P || sliceType == SP)) || (pps.weightedBipredIdc() == 1 && sliceType == B)) {
            skipPredWeightTable(r, sps.chromaArrayType(), l0, sliceType == B ? l1 : 0);
        }
        if (nalRefIdc != 0) {
            skipDecRefPicMarking(r, idr);
        }
        if (pps.cabac() && sliceType != I && sliceType != SI) {
            r.ue(); // cabac_init_idc
        }
        r.se(); // slice_qp_delta
        if (sliceType == SP || sliceType == SI) {
            if (sliceType == SP) {
                r.flag(); // sp_for_switch_flag
            }
            r.se(); // slice_qs_delta
        }
        if (pps.deblockingFilterControlPresent()) {
            if (r.ue(2, "disable_deblocking_filter_idc") != 1) {
                r.se(); // slice_alpha_c0_offset_div2
                r.se(); // slice_beta_offset_div2
            }
        }
        if (pps.numSliceGroups() > 1 && pps.sliceGroupMapType() >= 3 && pps.sliceGroupMapType() <= 5) {
            // slice_group_change_cycle: Ceil(Log2(PicSizeInMapUnits / SliceGroupChangeRate + 1)), exact division
            long rate = pps.sliceGroupChangeRate();
            int bits = 0;
            while (bits < 40 && (rate << bits) < sps.picSizeInMapUnits() + rate) {
                bits++;
            }
            r.bits(bits);
        }
        return new SliceHeaderEnd(r.storedBytesRead(off), r.rbspBitsRead());
    }

    private static void skipRefPicListModification(RbspBits r) throws RbspBits.OutOfData, RbspBits.Malformed {
        if (!r.flag()) {
            return;
        }
        for (int n = 0; ; n++) {
            int idc = r.ue(5, "modification_of_pic_nums_idc");
            if (idc == 3) {
                return;
            }
            if (n > 64) {
                throw new RbspBits.Malformed("a reference list modification does not end");
            }
            r.ue(); // abs_diff_pic_num_minus1, long_term_pic_num or abs_diff_view_idx_minus1
        }
    }

    private static void skipPredWeightTable(RbspBits r, int chromaArrayType, int l0, int l1)
            throws RbspBits.OutOfData, RbspBits.Malformed {
        r.ue(); // luma_log2_weight_denom
        if (chromaArrayType != 0) {
            r.ue(); // chroma_log2_weight_denom
        }
        for (int count : new int[] {l0, l1}) {
            for (int i = 0; i < count; i++) {
                if (r.flag()) { // luma_weight_lX_flag
                    r.se();
                    r.se();
                }
                if (chromaArrayType != 0 && r.flag()) { // chroma_weight_lX_flag
                    for (int j = 0; j < 4; j++) {
                        r.se();
                    }
                }
            }
        }
    }

    private static void skipDecRefPicMarking(RbspBits r, boolean idr) throws RbspBits.OutOfData, RbspBits.Malformed {
        if (idr) {
            r.flag(); // no_output_of_prior_pics_flag
            r.flag(); // long_term_reference_flag
            return;
        }
        if (!r.flag()) { // adaptive_ref_pic_marking_mode_flag
            return;
        }
        for (int n = 0; ; n++) {
            int op = r.ue(6, "memory_management_control_operation");
            if (op == 0) {
                return;
            }
            if (n > 64) {
                throw new RbspBits.Malformed("a reference marking list does not end");
            }
            if (op == 1 || op == 3) {
                r.ue(); // difference_of_pic_nums_minus1
            }
            if (op == 2) {
                r.ue(); // long_term_pic_num
            }
            if (op == 3 || op == 6) {
                r.ue(); // long_term_frame_idx
            }
            if (op == 4) {
                r.ue(); // max_long_term_frame_idx_plus1
            }
        }
    }
}
