package org.reeltrace.drm.cenc;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** The sample encryption box (senc, or PIFF's uuid variant after its 16-byte user type). */
final class SencBox {
    static final int SUBSAMPLES = 0x2;
    private static final int OVERRIDE = 0x1;

    private SencBox() {
    }

    static List<SampleEncryption> parse(byte[] payload, int offset, int defaultIvSize, int expectedSamples, String path)
            throws CencFormatException {
        try {
            ByteBuffer b = ByteBuffer.wrap(payload, offset, payload.length - offset);
            int flags = b.getInt() & 0xFFFFFF;
            int ivSize = defaultIvSize;
            if ((flags & OVERRIDE) != 0) {
                b.position(b.position() + 3);
                ivSize = b.get() & 0xff;
                b.position(b.position() + 16);
            }
            long count = b.getInt() & 0xFFFFFFFFL;
            if (expectedSamples >= 0 && count != expectedSamples) {
                throw new CencFormatException(path, "has " + count + " entries for " + expectedSamples + " samples");
            }
            if (count * ivSize > b.remaining()) {
                throw new CencFormatException(path, "sample count " + count + " exceeds the box");
            }
            List<SampleEncryption> out = new ArrayList<>((int) count);
            for (long i = 0; i < count; i++) {
                byte[] iv = new byte[ivSize];
                b.get(iv);
                if ((flags & SUBSAMPLES) != 0) {
                    int n = b.getShort() & 0xffff;
                    if (n * 6L > b.remaining()) {
                        throw new CencFormatException(path, "subsample count " + n + " exceeds the box");
                    }
                    int[] clear = new int[n];
                    int[] prot = new int[n];
                    for (int s = 0; s < n; s++) {
                        clear[s] = b.getShort() & 0xffff;
                        long p = b.getInt() & 0xFFFFFFFFL;
                        if (p > Integer.MAX_VALUE) {
                            throw new CencFormatException(path, "impossible protected size " + p);
                        }
                        prot[s] = (int) p;
                    }
                    out.add(new SampleEncryption(iv, clear, prot));
                } else {
                    out.add(new SampleEncryption(iv, null, null));
                }
            }
            return out;
        } catch (BufferUnderflowException e) {
            throw new CencFormatException(path, "is cut short");
        }
    }

    /** A senc payload (version 0) for {@code samples}; all share whether they have subsamples. */
    static byte[] write(List<SampleEncryption> samples, boolean subsamples) {
        int size = 8 + samples.stream().mapToInt(SampleEncryption::auxSize).sum();
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putInt(subsamples ? SUBSAMPLES : 0).putInt(samples.size());
        for (SampleEncryption s : samples) {
            b.put(s.iv());
            if (subsamples) {
                b.putShort((short) s.clear().length);
                for (int i = 0; i < s.clear().length; i++) {
                    b.putShort((short) s.clear()[i]).putInt(s.protectedBytes()[i]);
                }
            }
        }
        return b.array();
    }

    /** Parses one sample's auxiliary information as saiz/saio locate it. */
    static SampleEncryption parseAux(ByteBuffer b, int ivSize, int auxSize, String path) throws CencFormatException {
        try {
            byte[] iv = new byte[ivSize];
            b.get(iv);
            if (auxSize <= ivSize) {
                return new SampleEncryption(iv, null, null);
            }
            int n = b.getShort() & 0xffff;
            int[] clear = new int[n];
            int[] prot = new int[n];
            for (int s = 0; s < n; s++) {
                clear[s] = b.getShort() & 0xffff;
                prot[s] = b.getInt();
                if (prot[s] < 0) {
                    throw new CencFormatException(path, "impossible protected size");
                }
            }
            return new SampleEncryption(iv, clear, prot);
        } catch (BufferUnderflowException e) {
            throw new CencFormatException(path, "auxiliary information is cut short");
        }
    }
}
