package org.reeltrace.chain;

import java.io.InputStream;

/** The byte pattern of the CID vectors (src/test/js/cid-vectors.mjs writes the same bytes). */
final class TestPattern extends InputStream {
    private final long size;
    private long pos;

    TestPattern(long size) {
        this.size = size;
    }

    static int at(long i) {
        int x = (int) i;
        return ((x ^ (x >>> 7) ^ (x >>> 13)) * 0x9E3779B1) >>> 24;
    }

    @Override
    public int read() {
        return pos < size ? at(pos++) : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (pos >= size) {
            return -1;
        }
        int n = (int) Math.min(len, size - pos);
        for (int k = 0; k < n; k++) {
            b[off + k] = (byte) at(pos++);
        }
        return n;
    }
}
