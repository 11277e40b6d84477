package org.reeltrace.drm.cenc;


/**
 * The H.264 sequence and picture parameter set fields that decide the length of a slice header
 * (ISO/IEC 14496-10 §7.3.2.1, §7.3.2.2), from avcC and from parameter sets sent in samples.
 */
final class AvcParameterSets extends ParameterSets<AvcParameterSets.Sps, AvcParameterSets.Pps> {
    record Sps(int id, int chromaArrayType, boolean separateColourPlane, int log2MaxFrameNum, int pocType, int log2MaxPocLsb,
               boolean deltaPicOrderAlwaysZero, boolean frameMbsOnly, long picSizeInMapUnits) {
    }

    record Pps(int id, int spsId, boolean cabac, boolean bottomFieldPicOrderInFramePresent, int numSliceGroups,
               int sliceGroupMapType, int sliceGroupChangeRate, int numRefIdxL0Default, int numRefIdxL1Default, boolean weightedPred,
               int weightedBipredIdc, boolean deblockingFilterControlPresent, boolean redundantPicCntPresent) {
    }

    private static final java.util.Set<Integer> HIGH_PROFILES = java.util.Set.of(100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135);

    AvcParameterSets() {
        super(1, 7, 8);
    }

    @Override
    int nalType(int firstByte) {
        return firstByte & 0x1f;
    }

    @Override
    int spsId(Sps s) {
        return s.id();
    }

    @Override
    int ppsId(Pps p) {
        return p.id();
    }

    /** Parameter sets of an avcC payload (ISO/IEC 14496-15 §5.3.3.1). */
    static AvcParameterSets fromAvcC(byte[] c) throws RbspBits.Malformed {
        AvcParameterSets sets = new AvcParameterSets();
        if (c.length < 6) {
            throw new RbspBits.Malformed("avcC is too short");
        }
        int pos = 5;
        for (int kind = 0; kind < 2; kind++) {
            if (pos >= c.length) {
                throw new RbspBits.Malformed("avcC ends before its parameter sets");
            }
            int count = kind == 0 ? c[pos] & 0x1f : c[pos] & 0xff;
            pos = sets.updateAll(c, pos + 1, count, "avcC", 1);
        }
        return sets;
    }

    @Override
    Sps parseSps(RbspBits r) throws RbspBits.OutOfData, RbspBits.Malformed {
        int profile = r.bits(8);
        r.skip(16); // constraint flags, reserved bits, level_idc
        int id = r.ue(31, "seq_parameter_set_id");
        int chromaFormat = 1;
        boolean separateColourPlane = false;
        if (HIGH_PROFILES.contains(profile)) {
            chromaFormat = r.ue(3, "chroma_format_idc");
            if (chromaFormat == 3) {
                separateColourPlane = r.flag();
            }
            r.ue(); // bit_depth_luma_minus8
            r.ue(); // bit_depth_chroma_minus8
            r.flag(); // qpprime_y_zero_transform_bypass_flag
            if (r.flag()) { // seq_scaling_matrix_present_flag
                int lists = chromaFormat != 3 ? 8 : 12;
                for (int i = 0; i < lists; i++) {
                    if (r.flag()) {
                        skipScalingList(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        int log2MaxFrameNum = r.ue(12, "log2_max_frame_num_minus4") + 4;
        int pocType = r.ue(2, "pic_order_cnt_type");
        int log2MaxPocLsb = 0;
        boolean deltaAlwaysZero = false;
        if (pocType == 0) {
            log2MaxPocLsb = r.ue(12, "log2_max_pic_order_cnt_lsb_minus4") + 4;
        } else if (pocType == 1) {
            deltaAlwaysZero = r.flag();
            r.se(); // offset_for_non_ref_pic
            r.se(); // offset_for_top_to_bottom_field
            int cycle = r.ue(255, "num_ref_frames_in_pic_order_cnt_cycle");
            for (int i = 0; i < cycle; i++) {
                r.se();
            }
        }
        r.ue(); // max_num_ref_frames
        r.flag(); // gaps_in_frame_num_value_allowed_flag
        long widthMbs = r.ue() + 1L;
        long heightMapUnits = r.ue() + 1L;
        boolean frameMbsOnly = r.flag();
        return new Sps(id, separateColourPlane ? 0 : chromaFormat, separateColourPlane, log2MaxFrameNum, pocType, log2MaxPocLsb,
                deltaAlwaysZero, frameMbsOnly, widthMbs * heightMapUnits);
    }

    private static void skipScalingList(RbspBits r, int size) throws RbspBits.OutOfData, RbspBits.Malformed {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) {
                next = (last + r.se() + 256) % 256;
            }
            last = next == 0 ? last : next;
        }
    }

    @Override
    Pps parsePps(RbspBits r) throws RbspBits.OutOfData, RbspBits.Malformed {
        int id = r.ue(255, "pic_parameter_set_id");
        int spsId = r.ue(31, "seq_parameter_set_id");
        boolean cabac = r.flag();
        boolean bottomFieldPicOrder = r.flag();
        int sliceGroups = r.ue(7, "num_slice_groups_minus1") + 1;
        int mapType = 0;
        int changeRate = 1;
        if (sliceGroups > 1) {
            mapType = r.ue(6, "slice_group_map_type");
            if (mapType == 0) {
                for (int g = 0; g < sliceGroups; g++) {
                    r.ue(); // run_length_minus1
                }
            } else if (mapType == 2) {
                for (int g = 0; g < sliceGroups - 1; g++) {
                    r.ue(); // top_left
                    r.ue(); // bottom_right
                }
            } else if (mapType >= 3 && mapType <= 5) {
                r.flag(); // slice_group_change_direction_flag
                changeRate = r.ue() + 1;
            } else if (mapType == 6) {
                int units = r.ue() + 1;
                int bits = 32 - Integer.numberOfLeadingZeros(sliceGroups - 1);
                for (int u = 0; u < units; u++) {
                    r.bits(bits);
                }
            }
        }
        int l0 = r.ue(31, "num_ref_idx_l0_default_active_minus1") + 1;
        int l1 = r.ue(31, "num_ref_idx_l1_default_active_minus1") + 1;
        boolean weightedPred = r.flag();
        int weightedBipred = r.bits(2);
        r.se(); // pic_init_qp_minus26
        r.se(); // pic_init_qs_minus26
        r.se(); // chroma_qp_index_offset
        boolean deblocking = r.flag();
        r.flag(); // constrained_intra_pred_flag
        boolean redundant = r.flag();
        return new Pps(id, spsId, cabac, bottomFieldPicOrder, sliceGroups, mapType, changeRate, l0, l1, weightedPred, weightedBipred,
                deblocking, redundant);
    }
}
