package org.reeltrace.drm.cenc;

import java.util.ArrayList;
import java.util.List;

/**
 * The HEVC sequence and picture parameter set fields that decide the length of a slice segment
 * header (ISO/IEC 23008-2 §7.3.2.2, §7.3.2.3, §7.3.7), from hvcC and from parameter sets in samples.
 */
final class HevcParameterSets extends ParameterSets<HevcParameterSets.Sps, HevcParameterSets.Pps> {
    /** One short-term reference picture set: POC deltas before and after the current picture, and which are used. */
    record RefPicSet(int[] deltaS0, boolean[] usedS0, int[] deltaS1, boolean[] usedS1) {
        int count() {
            return deltaS0.length + deltaS1.length;
        }

        int usedByCurrent() {
            int n = 0;
            for (boolean u : usedS0) {
                n += u ? 1 : 0;
            }
            for (boolean u : usedS1) {
                n += u ? 1 : 0;
            }
            return n;
        }
    }

    record Sps(int id, int chromaArrayType, boolean separateColourPlane, int log2MaxPocLsb, long picSizeInCtbs,
               List<RefPicSet> refPicSets, boolean longTermRefsPresent, boolean[] longTermUsedSps, boolean temporalMvp,
               boolean sampleAdaptiveOffset) {
    }

    record Pps(int id, int spsId, boolean dependentSliceSegments, boolean outputFlagPresent, int extraSliceHeaderBits,
               boolean cabacInitPresent, int numRefIdxL0Default, int numRefIdxL1Default, boolean sliceChromaQpOffsetsPresent,
               boolean weightedPred, boolean weightedBipred, boolean tilesOrEntropySync, boolean loopFilterAcrossSlices,
               boolean deblockingOverrideEnabled, boolean deblockingDisabled, boolean listsModificationPresent,
               boolean sliceHeaderExtensionPresent, boolean chromaQpOffsetListEnabled) {
    }

    HevcParameterSets() {
        super(2, 33, 34);
    }

    @Override
    int nalType(int firstByte) {
        return (firstByte >> 1) & 0x3f;
    }

    @Override
    boolean baseLayer(byte[] nal, int off, int len) {
        // nuh_layer_id: another layer's (MV-HEVC, SHVC) parameter sets and slices have other syntax
        return len >= 2 && (((nal[off] & 1) << 5) | ((nal[off + 1] & 0xff) >> 3)) == 0;
    }

    @Override
    int spsId(Sps s) {
        return s.id();
    }

    @Override
    int ppsId(Pps p) {
        return p.id();
    }

    /** Parameter sets of an hvcC payload (ISO/IEC 14496-15 §8.3.3.1). */
    static HevcParameterSets fromHvcC(byte[] c) throws RbspBits.Malformed {
        HevcParameterSets sets = new HevcParameterSets();
        if (c.length < 23) {
            throw new RbspBits.Malformed("hvcC is too short");
        }
        int arrays = c[22] & 0xff;
        int pos = 23;
        for (int a = 0; a < arrays; a++) {
            if (pos + 3 > c.length) {
                throw new RbspBits.Malformed("hvcC ends inside its NAL unit arrays");
            }
            int count = ((c[pos + 1] & 0xff) << 8) | (c[pos + 2] & 0xff);
            pos = sets.updateAll(c, pos + 3, count, "hvcC", 2);
        }
        return sets;
    }

    @Override
    Sps parseSps(RbspBits r) throws RbspBits.OutOfData, RbspBits.Malformed {
        r.bits(4); // sps_video_parameter_set_id
        int maxSubLayersMinus1 = r.bits(3);
        r.flag(); // sps_temporal_id_nesting_flag
        skipProfileTierLevel(r, maxSubLayersMinus1);
        int id = r.ue(15, "sps_seq_parameter_set_id");
        int chromaFormat = r.ue(3, "chroma_format_idc");
        boolean separate = chromaFormat == 3 && r.flag();
        long width = r.ue();
        long height = r.ue();
        if (r.flag()) { // conformance_window_flag
            r.ue();
            r.ue();
            r.ue();
            r.ue();
        }
        r.ue(); // bit_depth_luma_minus8
        r.ue(); // bit_depth_chroma_minus8
        int log2MaxPocLsb = r.ue(12, "log2_max_pic_order_cnt_lsb_minus4") + 4;
        boolean orderingInfo = r.flag();
        for (int i = orderingInfo ? 0 : maxSubLayersMinus1; i <= maxSubLayersMinus1; i++) {
            r.ue();
            r.ue();
            r.ue();
        }
        int log2MinCb = r.ue(3, "log2_min_luma_coding_block_size_minus3") + 3;
        int log2Ctb = log2MinCb + r.ue(3, "log2_diff_max_min_luma_coding_block_size");
        r.ue(); // log2_min_luma_transform_block_size_minus2
        r.ue(); // log2_diff_max_min_luma_transform_block_size
        r.ue(); // max_transform_hierarchy_depth_inter
        r.ue(); // max_transform_hierarchy_depth_intra
        if (r.flag() && r.flag()) { // scaling_list_enabled_flag, sps_scaling_list_data_present_flag
            skipScalingListData(r);
        }
        r.flag(); // amp_enabled_flag
        boolean sao = r.flag();
        if (r.flag()) { // pcm_enabled_flag
            r.bits(8);
            r.ue();
            r.ue();
            r.flag();
        }
        int sets = r.ue(64, "num_short_term_ref_pic_sets");
        List<RefPicSet> rps = new ArrayList<>();
        for (int i = 0; i < sets; i++) {
            rps.add(refPicSet(r, i, sets, rps));
        }
        boolean longTerm = r.flag();
        boolean[] longTermUsed = new boolean[0];
        if (longTerm) {
            longTermUsed = new boolean[r.ue(32, "num_long_term_ref_pics_sps")];
            for (int i = 0; i < longTermUsed.length; i++) {
                r.bits(log2MaxPocLsb); // lt_ref_pic_poc_lsb_sps
                longTermUsed[i] = r.flag(); // used_by_curr_pic_lt_sps_flag
            }
        }
        boolean temporalMvp = r.flag();
        long ctb = 1L << log2Ctb;
        long picSizeInCtbs = ((width + ctb - 1) / ctb) * ((height + ctb - 1) / ctb);
        return new Sps(id, separate ? 0 : chromaFormat, separate, log2MaxPocLsb, picSizeInCtbs, rps, longTerm, longTermUsed,
                temporalMvp, sao);
    }

    /** st_ref_pic_set(idx) (§7.3.7), with the delta POCs derived as §7.4.8 does for inter-RPS prediction. */
    static RefPicSet refPicSet(RbspBits r, int idx, int numSets, List<RefPicSet> sets) throws RbspBits.OutOfData, RbspBits.Malformed {
        if (idx != 0 && r.flag()) { // inter_ref_pic_set_prediction_flag
            int deltaIdx = idx == numSets ? r.ue(idx - 1, "delta_idx_minus1") + 1 : 1;
            boolean negative = r.flag();
            int deltaRps = (r.ue(1 << 15, "abs_delta_rps_minus1") + 1) * (negative ? -1 : 1);
            RefPicSet ref = sets.get(idx - deltaIdx);
            int n = ref.count();
            boolean[] used = new boolean[n + 1];
            boolean[] useDelta = new boolean[n + 1];
            for (int j = 0; j <= n; j++) {
                used[j] = r.flag();
                useDelta[j] = used[j] || r.flag();
            }
            int neg = ref.deltaS0().length;
            List<int[]> s0 = new ArrayList<>();
            List<int[]> s1 = new ArrayList<>();
            for (int j = ref.deltaS1().length - 1; j >= 0; j--) {
                int d = ref.deltaS1()[j] + deltaRps;
                if (d < 0 && useDelta[neg + j]) {
                    s0.add(new int[] {d, used[neg + j] ? 1 : 0});
                }
            }
            if (deltaRps < 0 && useDelta[n]) {
                s0.add(new int[] {deltaRps, used[n] ? 1 : 0});
            }
            for (int j = 0; j < neg; j++) {
                int d = ref.deltaS0()[j] + deltaRps;
                if (d < 0 && useDelta[j]) {
                    s0.add(new int[] {d, used[j] ? 1 : 0});
                }
            }
            for (int j = neg - 1; j >= 0; j--) {
                int d = ref.deltaS0()[j] + deltaRps;
                if (d > 0 && useDelta[j]) {
                    s1.add(new int[] {d, used[j] ? 1 : 0});
                }
            }
            if (deltaRps > 0 && useDelta[n]) {
                s1.add(new int[] {deltaRps, used[n] ? 1 : 0});
            }
            for (int j = 0; j < ref.deltaS1().length; j++) {
                int d = ref.deltaS1()[j] + deltaRps;
                if (d > 0 && useDelta[neg + j]) {
                    s1.add(new int[] {d, used[neg + j] ? 1 : 0});
                }
            }
            return of(s0, s1);
        }
        int neg = r.ue(16, "num_negative_pics");
        int pos = r.ue(16, "num_positive_pics");
        List<int[]> s0 = new ArrayList<>();
        List<int[]> s1 = new ArrayList<>();
        int poc = 0;
        for (int i = 0; i < neg; i++) {
            poc -= r.ue() + 1;
            s0.add(new int[] {poc, r.flag() ? 1 : 0});
        }
        poc = 0;
        for (int i = 0; i < pos; i++) {
            poc += r.ue() + 1;
            s1.add(new int[] {poc, r.flag() ? 1 : 0});
        }
        return of(s0, s1);
    }

    private static RefPicSet of(List<int[]> s0, List<int[]> s1) {
        int[] d0 = new int[s0.size()];
        boolean[] u0 = new boolean[s0.size()];
        for (int i = 0; i < d0.length; i++) {
            d0[i] = s0.get(i)[0];
            u0[i] = s0.get(i)[1] == 1;
        }
        int[] d1 = new int[s1.size()];
        boolean[] u1 = new boolean[s1.size()];
        for (int i = 0; i < d1.length; i++) {
            d1[i] = s1.get(i)[0];
            u1[i] = s1.get(i)[1] == 1;
        }
        return new RefPicSet(d0, u0, d1, u1);
    }

    private static void skipProfileTierLevel(RbspBits r, int maxSubLayersMinus1) throws RbspBits.OutOfData {
        r.skip(2 + 1 + 5 + 32 + 4 + 43 + 1 + 8); // general profile, tier, flags and level
        boolean[] profile = new boolean[maxSubLayersMinus1];
        boolean[] level = new boolean[maxSubLayersMinus1];
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            profile[i] = r.flag();
            level[i] = r.flag();
        }
        if (maxSubLayersMinus1 > 0) {
            r.skip(2 * (8 - maxSubLayersMinus1));
        }
        for (int i = 0; i < maxSubLayersMinus1; i++) {
            r.skip((profile[i] ? 88 : 0) + (level[i] ? 8 : 0));
        }
    }

    private static void skipScalingListData(RbspBits r) throws RbspBits.OutOfData, RbspBits.Malformed {
        for (int size = 0; size < 4; size++) {
            for (int matrix = 0; matrix < 6; matrix += size == 3 ? 3 : 1) {
                if (!r.flag()) { // scaling_list_pred_mode_flag
                    r.ue(); // scaling_list_pred_matrix_id_delta
                } else {
                    int coefs = Math.min(64, 1 << (4 + (size << 1)));
                    if (size > 1) {
                        r.se(); // scaling_list_dc_coef_minus8
                    }
                    for (int i = 0; i < coefs; i++) {
                        r.se();
                    }
                }
            }
        }
    }

    @Override
    Pps parsePps(RbspBits r) throws RbspBits.OutOfData, RbspBits.Malformed {
        int id = r.ue(63, "pps_pic_parameter_set_id");
        int spsId = r.ue(15, "pps_seq_parameter_set_id");
        boolean dependent = r.flag();
        boolean outputFlag = r.flag();
        int extraBits = r.bits(3);
        r.flag(); // sign_data_hiding_enabled_flag
        boolean cabacInit = r.flag();
        int l0 = r.ue(14, "num_ref_idx_l0_default_active_minus1") + 1;
        int l1 = r.ue(14, "num_ref_idx_l1_default_active_minus1") + 1;
        r.se(); // init_qp_minus26
        r.flag(); // constrained_intra_pred_flag
        boolean transformSkip = r.flag();
        if (r.flag()) { // cu_qp_delta_enabled_flag
            r.ue();
        }
        r.se(); // pps_cb_qp_offset
        r.se(); // pps_cr_qp_offset
        boolean chromaQpOffsets = r.flag();
        boolean weighted = r.flag();
        boolean weightedBi = r.flag();
        r.flag(); // transquant_bypass_enabled_flag
        boolean tiles = r.flag();
        boolean entropySync = r.flag();
        if (tiles) {
            int cols = r.ue(1024, "num_tile_columns_minus1");
            int rows = r.ue(1024, "num_tile_rows_minus1");
            if (!r.flag()) { // uniform_spacing_flag
                for (int i = 0; i < cols; i++) {
                    r.ue();
                }
                for (int i = 0; i < rows; i++) {
                    r.ue();
                }
            }
            r.flag(); // loop_filter_across_tiles_enabled_flag
        }
        boolean acrossSlices = r.flag();
        boolean overrideEnabled = false;
        boolean disabled = false;
        if (r.flag()) { // deblocking_filter_control_present_flag
            overrideEnabled = r.flag();
            disabled = r.flag();
            if (!disabled) {
                r.se();
                r.se();
            }
        }
        if (r.flag()) { // pps_scaling_list_data_present_flag
            skipScalingListData(r);
        }
        boolean listsModification = r.flag();
        r.ue(); // log2_parallel_merge_level_minus2
        boolean headerExtension = r.flag();
        boolean chromaQpOffsetList = false;
        if (r.flag()) { // pps_extension_present_flag
            boolean range = r.flag();
            r.bits(7); // multilayer, 3d, scc, 4bits
            if (range) {
                if (transformSkip) {
                    r.ue(); // log2_max_transform_skip_block_size_minus2
                }
                r.flag(); // cross_component_prediction_enabled_flag
                chromaQpOffsetList = r.flag();
            }
        }
        return new Pps(id, spsId, dependent, outputFlag, extraBits, cabacInit, l0, l1, chromaQpOffsets, weighted, weightedBi,
                tiles || entropySync, acrossSlices, overrideEnabled, disabled, listsModification, headerExtension, chromaQpOffsetList);
    }
}
