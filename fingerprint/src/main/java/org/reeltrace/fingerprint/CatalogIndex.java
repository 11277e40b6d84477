package org.reeltrace.fingerprint;

import java.util.function.IntConsumer;

/**
 * What goes into the catalog's look-up tables. Video: every {@link #FRAME_STRIDE}-th grid frame
 * that is not flat, its whole-picture hash split into 13 chunks — 12 of 20 bits and one of 16
 * (multi-index hashing: two hashes within distance 12 share a chunk exactly, and real copies at
 * distance 20-50 share one on most frames). 20-bit chunks keep posting lists short up to
 * thousands of catalogued hours (about 3 chance entries per key at 1,000 hours). Keys are
 * {@code chunkNumber << 20 | chunkValue}. Audio: landmarks whose hash is 0 modulo
 * {@link #AUDIO_SAMPLING}, the same rule on both sides, so a quarter of them is enough to vote.
 */
final class CatalogIndex {
    static final int FRAME_STRIDE = 4;
    static final int CHUNK_BITS = 20;
    static final int CHUNKS = (Hashes.BITS + CHUNK_BITS - 1) / CHUNK_BITS;
    static final int AUDIO_SAMPLING = 4;

    private CatalogIndex() {
    }

    static boolean indexedFrame(VideoTrack v, int i) {
        return i % FRAME_STRIDE == 0 && v.quality(i) >= FrameEvidence.MIN_QUALITY;
    }

    static boolean indexedLandmark(int hash) {
        return Math.floorMod(hash, AUDIO_SAMPLING) == 0;
    }

    /** Receives one index row: look-up key and time (grid frame or audio hop). */
    @FunctionalInterface
    interface RowSink<E extends Exception> {
        void accept(int key, int time) throws E;
    }

    /** The rt_frame_key rows of a work's video (each distinct (key, frame) once). */
    static <E extends Exception> void frameRows(VideoTrack v, RowSink<E> out) throws E {
        for (int i = 0; i < v.count; i++) {
            if (indexedFrame(v, i)) {
                // the chunk number is part of the key, so a frame's keys are distinct
                for (int c = 0; c < CHUNKS; c++) {
                    out.accept(c << CHUNK_BITS | chunk(v.full, i, c), i);
                }
            }
        }
    }

    /** The rt_audio_key rows of a work's sound: sampled landmarks, repeated (hash, hop) pairs once. */
    static <E extends Exception> void audioRows(AudioTrack a, RowSink<E> out) throws E {
        long previous = -1;
        for (int i = 0; i < a.size(); i++) {
            long key = ((long) a.times()[i] << 32) | (a.hashes()[i] & 0xffffffffL);
            if (indexedLandmark(a.hashes()[i]) && key != previous) {
                out.accept(a.hashes()[i], a.times()[i]);
            }
            previous = key;
        }
    }

    static void keys(long[] hashes, int index, IntConsumer out) {
        for (int c = 0; c < CHUNKS; c++) {
            out.accept(c << CHUNK_BITS | chunk(hashes, index, c));
        }
    }

    /** Bits [20c, 20c + 20) of the hash (the last chunk has the 16 bits left). */
    static int chunk(long[] hashes, int index, int c) {
        int from = c * CHUNK_BITS;
        int to = Math.min(Hashes.BITS, from + CHUNK_BITS);
        int value = 0;
        for (int b = from; b < to; b++) {
            long word = hashes[index * Hashes.LONGS + (b >>> 6)];
            value |= (int) ((word >>> (b & 63)) & 1L) << (b - from);
        }
        return value;
    }
}
