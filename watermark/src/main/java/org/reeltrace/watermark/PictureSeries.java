package org.reeltrace.watermark;

import java.util.ArrayList;
import java.util.List;

/**
 * Informed detection's segment-by-segment reading of a video. An encoder that re-compresses a
 * marked copy hard does not follow the mark's rotation faithfully: it keeps a key frame's mark
 * over the pictures it predicts from it and updates it late and in part, so the mark's angle in
 * the copy is not the carrier's. This keeps the residual of every short run of pictures folded
 * to one tile period (key-independent, so any key can be tried on it), and {@link #refine} finds
 * the angle without a model of the encoder: each segment's own P and Q readings are weighted by
 * how well they agree with a first estimate (the known-phase reading) and summed again. Nothing
 * here looks at the payload, so a copy without the mark gives soft values as random as any other
 * reading and the decision's false-positive bound holds.
 */
final class PictureSeries {
    /** Pictures per segment to start with: a fifth of a second at 25 per second. */
    static final int FIRST_SEGMENT = 5;
    /** Segments kept; beyond that neighbours are merged (a long copy has evidence to spare). */
    static final int MAX_SEGMENTS = 256;
    private static final int BINS = TileSync.BINS;
    private final int width;
    private final int height;
    private final List<float[]> segments = new ArrayList<>();
    private double[] open = new double[BINS * BINS];
    private int inOpen;
    private int segmentLength = FIRST_SEGMENT;

    PictureSeries(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Adds one picture's normalised residual (in the original's working coordinates). */
    void add(float[] residual) {
        double[] folded = TileSync.fold(residual, width, height, BINS, BINS);
        for (int i = 0; i < folded.length; i++) {
            open[i] += folded[i];
        }
        if (++inOpen == segmentLength) {
            close();
        }
    }

    private void close() {
        segments.add(openAsFloats());
        java.util.Arrays.fill(open, 0);
        inOpen = 0;
        if (segments.size() > MAX_SEGMENTS) {
            for (int s = 0; 2 * s < segments.size(); s++) {
                float[] a = segments.get(2 * s);
                if (2 * s + 1 < segments.size()) {
                    float[] b = segments.get(2 * s + 1);
                    for (int i = 0; i < a.length; i++) {
                        a[i] += b[i];
                    }
                }
                segments.set(s, a);
            }
            segments.subList((segments.size() + 1) / 2, segments.size()).clear();
            segmentLength *= 2;
        }
    }

    /** The refined soft values for {@code tile} from a first estimate (the known-phase reading), normalised. */
    double[] refine(TilePattern tile, double[] first) {
        List<float[]> all = new ArrayList<>(segments);
        if (inOpen > 0) {
            all.add(openAsFloats());
        }
        double[] out = new double[first.length];
        double[] folded = new double[BINS * BINS];
        for (float[] seg : all) {
            for (int i = 0; i < folded.length; i++) {
                folded[i] = seg[i];
            }
            double[][] pq = TileSync.rawSumsPQ(folded, tile, 0, 0);
            double[] p = TileSync.normalise(pq[0]);
            double[] q = TileSync.normalise(pq[1]);
            double wp = 0;
            double wq = 0;
            for (int b = 0; b < first.length; b++) {
                wp += p[b] * first[b];
                wq += q[b] * first[b];
            }
            for (int b = 0; b < first.length; b++) {
                out[b] += wp * p[b] + wq * q[b];
            }
        }
        return TileSync.normalise(out);
    }

    private float[] openAsFloats() {
        float[] f = new float[open.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) open[i];
        }
        return f;
    }

    /** Segments read so far (the last one may be short). */
    int segments() {
        return segments.size() + (inOpen > 0 ? 1 : 0);
    }
}
