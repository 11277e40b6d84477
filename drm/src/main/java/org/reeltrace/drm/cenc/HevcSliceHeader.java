package org.reeltrace.drm.cenc;

/**
 * Finds where an HEVC slice segment header ends, byte_alignment() included (ISO/IEC 23008-2
 * §7.3.6.1), so a subsample's clear part covers NAL header and slice header, as for H.264
 * ({@link AvcSliceHeader}).
 */
final class HevcSliceHeader {
    private static final int B = 0;
    private static final int P = 1;

    private HevcSliceHeader() {
    }

    /** Parses the slice segment header of the VCL NAL unit {@code nal[off, off+len)} (2-byte NAL header first). */
    static SliceHeaderEnd parse(byte[] nal, int off, int len, HevcParameterSets sets) throws RbspBits.OutOfData, RbspBits.Malformed {
        int nalType = (nal[off] >> 1) & 0x3f;
        if (!sets.baseLayer(nal, off, len)) {
            throw new RbspBits.Malformed("a slice of layer " + ((((nal[off] & 1) << 5) | ((nal[off + 1] & 0xff) >> 3))) + " (only the base layer is parsed)");
        }
        RbspBits r = new RbspBits(nal, off, len);
        r.bits(16); // NAL header
        boolean firstSlice = r.flag();
        if (nalType >= 16 && nalType <= 23) {
            r.flag(); // no_output_of_prior_pics_flag
        }
        int ppsId = r.ue(63, "slice_pic_parameter_set_id");
        HevcParameterSets.Pps pps = sets.pps(ppsId).orElseThrow(() -> new RbspBits.Malformed("a slice refers to PPS " + ppsId
                + ", which neither hvcC nor the samples define"));
        HevcParameterSets.Sps sps = sets.sps(pps.spsId()).orElseThrow(() -> new RbspBits.Malformed("PPS " + ppsId + " refers to SPS "
                + pps.spsId() + ", which neither hvcC nor the samples define"));
        boolean dependent = false;
        if (!firstSlice) {
            if (pps.dependentSliceSegments()) {
                dependent = r.flag();
            }
            r.bits(ceilLog2(sps.picSizeInCtbs())); // slice_segment_address
        }
        if (!dependent) {
            r.bits(pps.extraSliceHeaderBits()); // slice_reserved_flag[i]
            int sliceType = r.ue(2, "slice_type");
            if (pps.outputFlagPresent()) {
                r.flag(); // pic_output_flag
            }
            if (sps.separateColourPlane()) {
                r.bits(2); // colour_plane_id
            }
            int usedByCurrent = 0;
            boolean temporalMvp = false;
            if (nalType != 19 && nalType != 20) { // not IDR
                r.bits(sps.log2MaxPocLsb()); // slice_pic_order_cnt_lsb
                int inSps = sps.refPicSets().size();
                HevcParameterSets.RefPicSet rps;
                if (!r.flag()) { // short_term_ref_pic_set_sps_flag
                    rps = HevcParameterSets.refPicSet(r, inSps, inSps, sps.refPicSets());
                } else {
                    int idx = inSps > 1 ? r.bits(ceilLog2(inSps)) : 0;
                    if (idx >= inSps) {
                        throw new RbspBits.Malformed("short_term_ref_pic_set_idx " + idx + " is out of range");
                    }
                    rps = sps.refPicSets().get(idx);
                }
                usedByCurrent = rps.usedByCurrent();
                if (sps.longTermRefsPresent()) {
                    int ltInSps = sps.longTermUsedSps().length;
                    int ltSps = ltInSps > 0 ? r.ue(ltInSps, "num_long_term_sps") : 0;
                    int ltPics = r.ue(32, "num_long_term_pics");
                    for (int i = 0; i < ltSps + ltPics; i++) {
                        if (i < ltSps) {
                            int idx = ltInSps > 1 ? r.bits(ceilLog2(ltInSps)) : 0; // lt_idx_sps
                            if (idx >= ltInSps) {
                                throw new RbspBits.Malformed("lt_idx_sps " + idx + " is out of range");
                            }
                            usedByCurrent += sps.longTermUsedSps()[idx] ? 1 : 0;
                        } else {
                            r.bits(sps.log2MaxPocLsb()); // poc_lsb_lt
                            usedByCurrent += r.flag() ? 1 : 0; // used_by_curr_pic_lt_flag
                        }
                        if (r.flag()) { // delta_poc_msb_present_flag
                            r.ue(); // delta_poc_msb_cycle_lt
                        }
                    }
                }
                if (sps.temporalMvp()) {
                    temporalMvp = r.flag();
                }
            }
            boolean saoLuma = false;
            boolean saoChroma = false;
            if (sps.sampleAdaptiveOffset()) {
                saoLuma = r.flag();
                if (sps.chromaArrayType() != 0) {
                    saoChroma = r.flag();
                }
            }
            if (sliceType == P || sliceType == B) {
                int l0 = pps.numRefIdxL0Default();
                int l1 = pps.numRefIdxL1Default();
                if (r.flag()) { // num_ref_idx_active_override_flag
                    l0 = r.ue(14, "num_ref_idx_l0_active_minus1") + 1;
                    if (sliceType == B) {
                        l1 = r.ue(14, "num_ref_idx_l1_active_minus1") + 1;
                    }
                }
                if (pps.listsModificationPresent() && usedByCurrent > 1) {
                    int bits = ceilLog2(usedByCurrent);
                    if (r.flag()) { // ref_pic_list_modification_flag_l0
                        r.skip(bits * l0);
                    }
                    if (sliceType == B && r.flag()) { // ref_pic_list_modification_flag_l1
                        r.skip(bits * l1);
                    }
                }
                if (sliceType == B) {
                    r.flag(); // mvd_l1_zero_flag
                }
                if (pps.cabacInitPresent()) {
                    r.flag(); // cabac_init_flag
                }
                if (temporalMvp) {
                    boolean fromL0 = sliceType != B || r.flag(); // collocated_from_l0_flag
                    if (fromL0 && l0 > 1 || !fromL0 && l1 > 1) {
                        r.ue(); // collocated_ref_idx
                    }
                }
                if (pps.weightedPred() && sliceType == P || pps.weightedBipred() && sliceType == B) {
                    skipPredWeightTable(r, sps.chromaArrayType(), l0, sliceType == B ? l1 : 0);
                }
                r.ue(); // five_minus_max_num_merge_cand
            }
            r.se(); // slice_qp_delta
            if (pps.sliceChromaQpOffsetsPresent()) {
                r.se();
                r.se();
            }
            if (pps.chromaQpOffsetListEnabled()) {
                r.flag(); // cu_chroma_qp_offset_enabled_flag
            }
            boolean override = pps.deblockingOverrideEnabled() && r.flag();
            boolean deblockingDisabled = pps.deblockingDisabled();
            if (override) {
                deblockingDisabled = r.flag();
                if (!deblockingDisabled) {
                    r.se();
                    r.se();
                }
            }
            if (pps.loopFilterAcrossSlices() && (saoLuma || saoChroma || !deblockingDisabled)) {
                r.flag(); // slice_loop_filter_across_slices_enabled_flag
            }
        }
        if (pps.tilesOrEntropySync()) {
            int entries = r.ue(1 << 20, "num_entry_point_offsets");
            if (entries > 0) {
                int bits = r.ue(31, "offset_len_minus1") + 1;
                for (int i = 0; i < entries; i++) {
                    r.bits(bits);
                }
            }
        }
        if (pps.sliceHeaderExtensionPresent()) {
            r.skip(8 * r.ue(256, "slice_segment_header_extension_length"));
        }
        long headerBits = r.rbspBitsRead();
        // byte_alignment(): a one bit, then zeros to the byte boundary
        r.bits(1);
        while (r.rbspBitsRead() % 8 != 0) {
            r.bits(1);
        }
        return new SliceHeaderEnd(r.storedBytesRead(off), headerBits);
    }

    private static void skipPredWeightTable(RbspBits r, int chromaArrayType, int l0, int l1) throws RbspBits.OutOfData, RbspBits.Malformed {
        r.ue(); // luma_log2_weight_denom
        if (chromaArrayType != 0) {
            r.se(); // delta_chroma_log2_weight_denom
        }
        for (int count : new int[] {l0, l1}) {
            boolean[] luma = new boolean[count];
            boolean[] chroma = new boolean[count];
            for (int i = 0; i < count; i++) {
                luma[i] = r.flag();
            }
            if (chromaArrayType != 0) {
                for (int i = 0; i < count; i++) {
                    chroma[i] = r.flag();
                }
            }
            for (int i = 0; i < count; i++) {
                if (luma[i]) {
                    r.se();
                    r.se();
                }
                if (chroma[i]) {
                    for (int j = 0; j < 4; j++) {
                        r.se();
                    }
                }
            }
        }
    }

    private static int ceilLog2(long v) {
        return v <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(v - 1);
    }
}
