package org.reeltrace.drm.cenc;

import org.reeltrace.drm.mp4.Box;

import java.nio.ByteBuffer;

/** Sample offsets and sizes of a progressive track (stsz, stsc, stco/co64), checked against the file. */
final class SampleTable {
    final long[] offsets;
    final int[] sizes;
    /** stsd entry (1-based) of each sample. */
    final int[] descriptions;
    /** stsc chunk index (0-based) of each sample. */
    final int[] chunks;

    private SampleTable(long[] offsets, int[] sizes, int[] descriptions, int[] chunks) {
        this.offsets = offsets;
        this.sizes = sizes;
        this.descriptions = descriptions;
        this.chunks = chunks;
    }

    static SampleTable of(Box stbl, String path, long fileSize) throws CencFormatException {
        int[] sizes = sizes(stbl, path);
        long[] chunkOffsets = chunkOffsets(stbl, path);
        Box stsc = stbl.child("stsc").orElseThrow(() -> new CencFormatException(path, "missing stsc"));
        ByteBuffer c = stsc.data();
        if (c.remaining() < 8) {
            throw new CencFormatException(path + "/stsc", "too short");
        }
        c.getInt();
        long entries = c.getInt() & 0xFFFFFFFFL;
        if (entries * 12 > c.remaining()) {
            throw new CencFormatException(path + "/stsc", "entry count " + entries + " exceeds the box");
        }
        long[] first = new long[(int) entries];
        long[] per = new long[(int) entries];
        int[] desc = new int[(int) entries];
        for (int i = 0; i < entries; i++) {
            first[i] = c.getInt() & 0xFFFFFFFFL;
            per[i] = c.getInt() & 0xFFFFFFFFL;
            desc[i] = c.getInt();
        }
        long[] offsets = new long[sizes.length];
        int[] descriptions = new int[sizes.length];
        int[] chunkOf = new int[sizes.length];
        int sample = 0;
        for (int e = 0; e < entries && sample < sizes.length; e++) {
            long endChunk = e + 1 < entries ? first[e + 1] : chunkOffsets.length + 1L;
            if (first[e] < 1 || endChunk < first[e] || endChunk > chunkOffsets.length + 1L) {
                throw new CencFormatException(path + "/stsc", "chunk numbers are out of order or out of range");
            }
            for (long chunk = first[e]; chunk < endChunk && sample < sizes.length; chunk++) {
                long pos = chunkOffsets[(int) chunk - 1];
                for (long k = 0; k < per[e] && sample < sizes.length; k++) {
                    if (pos < 0 || pos + sizes[sample] > fileSize) {
                        throw new CencFormatException(path, "sample " + (sample + 1) + " lies outside the file");
                    }
                    offsets[sample] = pos;
                    descriptions[sample] = desc[e];
                    chunkOf[sample] = (int) chunk - 1;
                    pos += sizes[sample];
                    sample++;
                }
            }
        }
        if (sample != sizes.length) {
            throw new CencFormatException(path + "/stsc", "chunks hold " + sample + " samples but stsz lists " + sizes.length);
        }
        return new SampleTable(offsets, sizes, descriptions, chunkOf);
    }

    private static int[] sizes(Box stbl, String path) throws CencFormatException {
        Box stsz = stbl.child("stsz").orElseThrow(() -> new CencFormatException(path, "missing stsz (stz2 is not supported)"));
        ByteBuffer b = stsz.data();
        if (b.remaining() < 12) {
            throw new CencFormatException(path + "/stsz", "too short");
        }
        b.getInt();
        long fixed = b.getInt() & 0xFFFFFFFFL;
        long count = b.getInt() & 0xFFFFFFFFL;
        if (fixed == 0 && count * 4 > b.remaining() || count > 50_000_000) {
            throw new CencFormatException(path + "/stsz", "sample count " + count + " exceeds the box");
        }
        int[] sizes = new int[(int) count];
        for (int i = 0; i < count; i++) {
            long s = fixed != 0 ? fixed : b.getInt() & 0xFFFFFFFFL;
            if (s > Integer.MAX_VALUE) {
                throw new CencFormatException(path + "/stsz", "impossible sample size " + s);
            }
            sizes[i] = (int) s;
        }
        return sizes;
    }

    static long[] chunkOffsets(Box stbl, String path) throws CencFormatException {
        Box box = stbl.child("stco").or(() -> stbl.child("co64"))
                .orElseThrow(() -> new CencFormatException(path, "missing stco/co64"));
        boolean wide = box.type().equals("co64");
        ByteBuffer b = box.data();
        if (b.remaining() < 8) {
            throw new CencFormatException(path + "/" + box.type(), "too short");
        }
        b.getInt();
        long count = b.getInt() & 0xFFFFFFFFL;
        if (count * (wide ? 8 : 4) > b.remaining()) {
            throw new CencFormatException(path + "/" + box.type(), "entry count " + count + " exceeds the box");
        }
        long[] out = new long[(int) count];
        for (int i = 0; i < count; i++) {
            out[i] = wide ? b.getLong() : b.getInt() & 0xFFFFFFFFL;
        }
        return out;
    }

    /** Rewrites stco/co64 with {@code offsets}, switching to co64 when a value needs 64 bits. */
    static void writeChunkOffsets(Box stbl, long[] offsets) {
        boolean wide = false;
        for (long o : offsets) {
            wide |= o > 0xFFFFFFFFL;
        }
        ByteBuffer b = ByteBuffer.allocate(8 + offsets.length * (wide ? 8 : 4));
        b.putInt(0).putInt(offsets.length);
        for (long o : offsets) {
            if (wide) {
                b.putLong(o);
            } else {
                b.putInt((int) o);
            }
        }
        Box box = stbl.child("stco").or(() -> stbl.child("co64")).orElseThrow();
        box.rename(wide ? "co64" : "stco");
        box.setPayload(b.array());
    }
}
