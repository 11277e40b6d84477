package org.reeltrace.watermark;

import org.reeltrace.media.VideoTranscoder;

import java.util.List;

/**
 * Computes the mask once per picture and marks each output with its own payload, rotated by
 * the {@link TemporalCarrier} at the picture's time. Keeps the time spent in each stage (mask,
 * marking) for bench/watermark/stages.sh.
 */
final class VideoMarkingFilter implements VideoTranscoder.LumaFilter {
    private final TilePattern tile;
    private final List<Long> payloads;
    private PerceptualMask mask;
    private LumaMarker[] markers;
    private final long[] nanos = new long[2];

    VideoMarkingFilter(TilePattern tile, List<Long> payloads) {
        this.tile = tile;
        this.payloads = payloads;
    }

    @Override
    public void frame(long index, double seconds, byte[] original, byte[][] outputs, int width, int height) {
        if (mask == null) {
            mask = new PerceptualMask(width, height);
            markers = new LumaMarker[payloads.size()];
            for (int k = 0; k < markers.length; k++) {
                markers[k] = new LumaMarker(tile, payloads.get(k), width, height, LumaMarker.Strength.VIDEO);
            }
        }
        long t0 = System.nanoTime();
        mask.analyse(original);
        long t1 = System.nanoTime();
        for (int k = 0; k < outputs.length; k++) {
            markers[k].mark(outputs[k], mask, seconds);
        }
        long t2 = System.nanoTime();
        nanos[0] += t1 - t0;
        nanos[1] += t2 - t1;
    }

    /** Nanoseconds spent so far in {mask, marking}. */
    long[] nanos() {
        return nanos.clone();
    }
}
