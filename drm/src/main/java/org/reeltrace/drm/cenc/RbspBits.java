package org.reeltrace.drm.cenc;

/**
 * Reads the bits of one NAL unit's RBSP (ISO/IEC 14496-10 §7.2, 23008-2 §7.2) straight from the
 * stored bytes, skipping emulation-prevention bytes (0x03 after two zero bytes) and remembering how
 * many stored bytes the bits read so far occupy: that is what a subsample's clear part must cover.
 */
final class RbspBits {
    /** The bytes given end before the syntax does: read more of the NAL unit and try again. */
    static final class OutOfData extends Exception {
        OutOfData() {
            super("NAL unit data ends inside the header", null, false, false);
        }
    }

    /** The syntax is impossible (an Exp-Golomb code longer than 32 bits, a value out of range). */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final byte[] data;
    private final int end;
    private int next;
    private int zeros;
    private int current;
    private int bitsLeft;
    private long rbspBits;

    RbspBits(byte[] data, int offset, int length) {
        this.data = data;
        this.next = offset;
        this.end = offset + length;
    }

    /** Stored bytes (emulation prevention included) holding every bit read so far, counted from the NAL's first byte. */
    int storedBytesRead(int nalStart) {
        return next - nalStart;
    }

    /** Bits read so far in RBSP terms (emulation prevention removed). */
    long rbspBitsRead() {
        return rbspBits;
    }

    int bits(int n) throws OutOfData {
        int v = 0;
        for (int i = 0; i < n; i++) {
            if (bitsLeft == 0) {
                loadByte();
            }
            bitsLeft--;
            v = (v << 1) | ((current >> bitsLeft) & 1);
            rbspBits++;
        }
        return v;
    }

    boolean flag() throws OutOfData {
        return bits(1) == 1;
    }

    /** ue(v). */
    int ue() throws OutOfData, Malformed {
        int leadingZeros = 0;
        while (bits(1) == 0) {
            if (++leadingZeros > 31) {
                throw new Malformed("an Exp-Golomb code is longer than 32 bits");
            }
        }
        long v = (1L << leadingZeros) - 1 + (leadingZeros == 0 ? 0 : bitsLong(leadingZeros));
        if (v > Integer.MAX_VALUE) {
            throw new Malformed("an Exp-Golomb value is out of range");
        }
        return (int) v;
    }

    /** se(v). */
    int se() throws OutOfData, Malformed {
        int k = ue();
        return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
    }

    /** ue(v) that must not exceed {@code max}. */
    int ue(int max, String name) throws OutOfData, Malformed {
        int v = ue();
        if (v > max) {
            throw new Malformed(name + " " + v + " is out of range (at most " + max + ")");
        }
        return v;
    }

    void skip(int n) throws OutOfData {
        for (int i = 0; i < n; i++) {
            bits(1);
        }
    }

    private long bitsLong(int n) throws OutOfData {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 1) | bits(1);
        }
        return v;
    }

    private void loadByte() throws OutOfData {
        if (next >= end) {
            throw new OutOfData();
        }
        int b = data[next++] & 0xff;
        if (zeros >= 2 && b == 3) {
            zeros = 0;
            if (next >= end) {
                throw new OutOfData();
            }
            b = data[next++] & 0xff;
        }
        zeros = b == 0 ? zeros + 1 : 0;
        current = b;
        bitsLeft = 8;
    }
}
