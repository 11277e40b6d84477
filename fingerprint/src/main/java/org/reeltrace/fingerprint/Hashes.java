package org.reeltrace.fingerprint;

/** 256-bit hashes packed four longs each in flat arrays; no object per hash. */
final class Hashes {
    static final int LONGS = 4;
    static final int BITS = 256;

    private Hashes() {
    }

    static int distance(long[] a, int ia, long[] b, int ib) {
        int pa = ia * LONGS;
        int pb = ib * LONGS;
        return Long.bitCount(a[pa] ^ b[pb]) + Long.bitCount(a[pa + 1] ^ b[pb + 1])
                + Long.bitCount(a[pa + 2] ^ b[pb + 2]) + Long.bitCount(a[pa + 3] ^ b[pb + 3]);
    }
}
