package org.reeltrace.drm.cenc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class NalSubsamplesTest {
    @Test
    void cencKeepsLengthHeaderAndNonVclClearAndAlignsProtectedRanges() {
        NalSubsamples m = new NalSubsamples(4, false, true);
        m.add(20, 0x06, 1);   // SEI: clear
        m.add(1001, 0x65, 1); // IDR slice: 4 + 1 clear, 1000 -> 992 protected + 8 more clear
        m.add(10, 0x41, 1);   // short slice: too small to protect
        SampleEncryption e = m.finish(new byte[8]);
        assertArrayEquals(new int[] {24 + 4 + 1 + 8, 14}, e.clear());
        assertArrayEquals(new int[] {992, 0}, e.protectedBytes());
    }

    @Test
    void cbcsLeavesThePartialTailToThePattern() {
        NalSubsamples m = new NalSubsamples(4, false, false);
        m.add(1001, 0x65, 1);
        SampleEncryption e = m.finish(new byte[0]);
        assertArrayEquals(new int[] {5}, e.clear());
        assertArrayEquals(new int[] {1000}, e.protectedBytes());
    }
}
