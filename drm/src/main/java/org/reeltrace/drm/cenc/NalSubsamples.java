package org.reeltrace.drm.cenc;

import java.util.ArrayList;
import java.util.List;

/**
 * Subsample maps for H.264/HEVC samples (ISO/IEC 23001-7 §10.2, §10.4): the NAL length prefix, NAL
 * header and (where parsed) slice header stay clear, non-VCL NAL units stay clear, and (for cenc) each protected range is a whole
 * number of 16-byte blocks, the remainder added to the clear part before it.
 */
final class NalSubsamples {
    private static final int MAX_CLEAR = 0xFFFF;
    /** saiz stores aux sizes in one byte: 8-byte IV + 2 + 6 per subsample <= 255. */
    static final int MAX_SUBSAMPLES = 40;

    private final int lengthSize;
    private final boolean hevc;
    private final boolean alignProtected;
    private final List<int[]> entries = new ArrayList<>();
    private long pendingClear;

    NalSubsamples(int lengthSize, boolean hevc, boolean alignProtected) {
        this.lengthSize = lengthSize;
        this.hevc = hevc;
        this.alignProtected = alignProtected;
    }

    int lengthSize() {
        return lengthSize;
    }

    /**
     * Adds one NAL unit of {@code nalSize} bytes (after its length prefix) whose first byte is {@code firstByte};
     * {@code vclClearBytes} is how much of it stays clear if it is a slice: NAL header plus slice header.
     */
    void add(long nalSize, int firstByte, int vclClearBytes) {
        long protectedBytes = isSlice(firstByte, hevc) ? nalSize - vclClearBytes : 0;
        if (alignProtected) {
            protectedBytes -= protectedBytes % 16;
        }
        if (protectedBytes < 16) {
            pendingClear += lengthSize + nalSize;
            return;
        }
        long clear = pendingClear + lengthSize + nalSize - protectedBytes;
        while (clear > MAX_CLEAR) {
            entries.add(new int[] {MAX_CLEAR, 0});
            clear -= MAX_CLEAR;
        }
        entries.add(new int[] {(int) clear, (int) protectedBytes});
        pendingClear = 0;
    }

    /** Whether a NAL unit starting with {@code firstByte} is a coded slice (VCL). */
    static boolean isSlice(int firstByte, boolean hevc) {
        int type = hevc ? (firstByte >> 1) & 0x3f : firstByte & 0x1f;
        return hevc ? type < 32 : type >= 1 && type <= 5;
    }

    SampleEncryption finish(byte[] iv) {
        while (pendingClear > 0) {
            int c = (int) Math.min(MAX_CLEAR, pendingClear);
            entries.add(new int[] {c, 0});
            pendingClear -= c;
        }
        if (entries.isEmpty()) {
            entries.add(new int[] {0, 0});
        }
        while (entries.size() > MAX_SUBSAMPLES) {
            // rare (many slices): fold the last entry into the previous protected range
            int[] last = entries.remove(entries.size() - 1);
            int[] prev = entries.get(entries.size() - 1);
            prev[1] += last[0] + last[1];
        }
        int[] clear = new int[entries.size()];
        int[] prot = new int[entries.size()];
        for (int i = 0; i < clear.length; i++) {
            clear[i] = entries.get(i)[0];
            prot[i] = entries.get(i)[1];
        }
        entries.clear();
        return new SampleEncryption(iv, clear, prot);
    }
}
