package org.reeltrace.watermark;

import org.reeltrace.media.VideoTranscoder;

import java.util.List;

/**
 * Computes the mask once per picture and marks each output with its own payload. Keeps the time
 * spent in each stage (mask, informed measurement, marking) for bench/watermark/stages.sh.
 */
final class VideoMarkingFilter implements VideoTranscoder.LumaFilter {
    private final TilePattern tile;
    private final List<Long> payloads;
    private PerceptualMask mask;
    private LumaMarker[] markers;
    private InterferenceCanceller canceller;
    private final long[] nanos = new long[3];

    VideoMarkingFilter(TilePattern tile, List<Long> payloads) {
        this.tile = tile;
        this.payloads = payloads;
    }

    @Override
    public void frame(long index, double seconds, byte[] original, byte[][] outputs, int width, int height) {
        if (mask == null) {
            mask = new PerceptualMask(width, height);
            markers = new LumaMarker[payloads.size()];
            int[][] codewords = new int[payloads.size()][];
            for (int k = 0; k < markers.length; k++) {
                markers[k] = new LumaMarker(tile, payloads.get(k), width, height, LumaMarker.AMPLITUDE);
                codewords[k] = PayloadCodec.encode(payloads.get(k));
            }
            canceller = new InterferenceCanceller(tile, width, height, codewords);
        }
        long t0 = System.nanoTime();
        mask.analyse(original);
        long t1 = System.nanoTime();
        if (InterferenceCanceller.measures(index)) {
            float a = markers[0].effectiveAmplitude();
            if (canceller.measure(original, mask.strength(), a)) {
                for (int k = 0; k < markers.length; k++) {
                    markers[k].setGains(canceller.gains(k));
                }
            }
        }
        long t2 = System.nanoTime();
        for (int k = 0; k < outputs.length; k++) {
            markers[k].mark(outputs[k], mask);
        }
        long t3 = System.nanoTime();
        nanos[0] += t1 - t0;
        nanos[1] += t2 - t1;
        nanos[2] += t3 - t2;
    }

    /** Nanoseconds spent so far in {mask, informed measurement, marking}. */
    long[] nanos() {
        return nanos.clone();
    }
}
