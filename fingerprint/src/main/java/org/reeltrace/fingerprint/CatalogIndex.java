package org.reeltrace.fingerprint;

import java.util.function.IntConsumer;

/**
 * What goes into the catalog's look-up tables. Video: every {@link #FRAME_STRIDE}-th grid frame
 * that is not flat, split into 16 chunks of 16 bits (multi-index hashing: two hashes within
 * distance 15 share a chunk exactly, and closer pairs of real copies share several). Keys are
 * {@code chunkNumber << 16 | chunkValue}. Audio: landmarks whose hash is 0 modulo
 * {@link #AUDIO_SAMPLING}, the same rule on both sides, so a quarter of them is enough to vote.
 */
final class CatalogIndex {
    static final int FRAME_STRIDE = 4;
    static final int CHUNKS = 16;
    static final int AUDIO_SAMPLING = 4;

    private CatalogIndex() {
    }

    static boolean indexedFrame(VideoTrack v, int i) {
        return i % FRAME_STRIDE == 0 && v.quality(i) >= FrameEvidence.MIN_QUALITY;
    }

    static boolean indexedLandmark(int hash) {
        return Math.floorMod(hash, AUDIO_SAMPLING) == 0;
    }

    static void keys(long[] hashes, int index, IntConsumer out) {
        for (int c = 0; c < CHUNKS; c++) {
            out.accept(c << 16 | Hashes.chunk(hashes, index, c));
        }
    }
}
