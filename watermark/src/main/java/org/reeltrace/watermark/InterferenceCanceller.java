package org.reeltrace.watermark;

/**
 * Informed embedding against host interference in stills. A blind detector reads each coded bit
 * as the correlation of the picture's residual with that bit's chips; the picture itself (grass,
 * hair, film grain) correlates with them too. (Video needs none of this: its mark rotates with the
 * {@link TemporalCarrier}, and the detector cancels whatever is static.) The embedder knows the
 * picture, so it runs the detector's own residual on the
 * unmarked picture and on the unit carrier, keeps a running (exponentially forgotten) total per
 * bit of what a detector would read, and sets a gain per bit so that every bit's total reaches
 * the level of an average unopposed bit: bits the picture works against get more amplitude
 * (never less than the plain mark). Gains move in small steps at a fixed cadence, so the mark stays
 * static between updates and never flickers.
 */
final class InterferenceCanceller {
    /**
     * Pictures between two measurements (the controller acts on a sample of pictures). Measuring
     * every 8th picture only (same gain cadence) halved this cost but moved chaplin's SSIM from
     * 0.99130 to 0.99125: kept at 4.
     */
    static final int MEASURE_EVERY = 4;
    /** Measurements between two gain updates. */
    private static final int UPDATE_EVERY = 2;
    /** Forgetting per measurement: a time constant of about 2 s at 25 pictures per second. */
    private static final double DECAY = Math.exp(-MEASURE_EVERY / 50.0);
    /**
     * Gains only ever boost: cutting the bits the picture already helps (down to 0.3 was tried)
     * saved little energy but left those bits weak for informed detection, which subtracts the
     * picture (a 270p CRF 28 copy of chaplin: informed BER 0.11-0.21 and 2 of 6 keys missed,
     * against 0.016-0.053 and none missed with boosts only).
     */
    private static final double MIN_GAIN = 1.0;
    private static final double MAX_GAIN = 3.0;
    private static final double MAX_STEP = 0.25;
    /** Mean square gain allowed: the informed mark carries at most 1 dB more energy. */
    private static final double MAX_POWER = 1.25;

    private final TilePattern tile;
    private final int width;
    private final int height;
    private final int workW;
    private final int workH;
    private final ResidualAccumulator residual;
    private final float[] carrier;
    private final int[][] signs;
    private final double[][] totals;
    private final float[][] gains;
    private double carrierTotal;
    private long measurements;

    /** @param codewords the codeword of every payload being embedded into these pictures */
    InterferenceCanceller(TilePattern tile, int width, int height, int[][] codewords) {
        this.tile = tile;
        this.width = width;
        this.height = height;
        int[] size = WorkingFrame.sizeFor(width, height);
        this.workW = size[0];
        this.workH = size[1];
        this.residual = new ResidualAccumulator(workW, workH);
        float[] unit = new float[TilePattern.CHIPS];
        for (int k = 0; k < unit.length; k++) {
            unit[k] = tile.sign[k];
        }
        this.carrier = TilePattern.field(unit, workW, workH);
        int n = PayloadCodec.CODED_BITS;
        this.signs = new int[codewords.length][n];
        this.totals = new double[codewords.length][n];
        this.gains = new float[codewords.length][n];
        for (int p = 0; p < codewords.length; p++) {
            for (int b = 0; b < n; b++) {
                signs[p][b] = codewords[p][b] == 1 ? 1 : -1;
            }
            java.util.Arrays.fill(gains[p], 1f);
        }
    }

    /**
     * Measures one unmarked picture and the carrier under its mask.
     *
     * @param mask      the perceptual mask of the picture
     * @param amplitude luma levels per unit of mask and field
     * @return true when the gains changed
     */
    boolean measure(byte[] original, float[] mask, float amplitude) {
        float[] hostW = WorkingFrame.resample(original, width, height, workW, workH);
        float[] maskW = WorkingFrame.resample(mask, width, height, workW, workH);
        float[] r = new float[workW * workH];
        residual.highPass(hostW, r);
        float[] weights = residual.normalisationWeights(r);
        double ss = 0;
        for (int i = 0; i < r.length; i++) {
            r[i] *= weights[i];
            ss += r[i] * r[i];
        }
        double sd = Math.sqrt(ss / r.length);
        if (sd < 0.05) {
            return false; // the detector skips flat pictures too
        }
        float inv = (float) (1 / sd);
        float[] c = new float[workW * workH];
        for (int i = 0; i < c.length; i++) {
            c[i] = amplitude * maskW[i] * carrier[i];
        }
        float[] rc = new float[c.length];
        residual.highPass(c, rc);
        for (int i = 0; i < r.length; i++) {
            r[i] *= inv;
            rc[i] *= weights[i] * inv;
        }
        double[] h = TileSync.rawSums(TileSync.fold(r, workW, workH, TileSync.BINS, TileSync.BINS), tile, 0, 0);
        double[] g = TileSync.rawSums(TileSync.fold(rc, workW, workH, TileSync.BINS, TileSync.BINS), tile, 0, 0);
        double gMean = 0;
        for (double v : g) {
            gMean += v;
        }
        gMean /= g.length;
        if (gMean <= 0) {
            return false;
        }
        carrierTotal = DECAY * carrierTotal + gMean;
        boolean first = measurements == 0;
        boolean update = measurements++ % UPDATE_EVERY == 0;
        for (int p = 0; p < totals.length; p++) {
            double[] t = totals[p];
            float[] gain = gains[p];
            double[] hostB = new double[t.length];
            double[] gb = new double[t.length];
            for (int b = 0; b < t.length; b++) {
                hostB[b] = signs[p][b] * h[b];
                gb[b] = Math.max(g[b], 0.2 * gMean);
            }
            if (update) {
                double power = 0;
                for (int b = 0; b < t.length; b++) {
                    double wanted = (carrierTotal - (DECAY * t[b] + hostB[b])) / gb[b];
                    // the first setting may jump; later ones move in small steps (no flicker)
                    double lo = first ? MIN_GAIN : Math.max(MIN_GAIN, gain[b] - MAX_STEP);
                    double hi = first ? MAX_GAIN : Math.min(MAX_GAIN, gain[b] + MAX_STEP);
                    gain[b] = (float) Math.max(lo, Math.min(hi, wanted));
                    power += gain[b] * gain[b];
                }
                // redistribute rather than add: the mark's energy stays within MAX_POWER of the plain
                // mark, so the encoder and the picture's distortion budget see about the same mark
                power /= t.length;
                if (power > MAX_POWER) {
                    float k = (float) Math.sqrt(MAX_POWER / power);
                    for (int b = 0; b < t.length; b++) {
                        gain[b] = Math.max((float) MIN_GAIN, gain[b] * k);
                    }
                }
            }
            for (int b = 0; b < t.length; b++) {
                t[b] = DECAY * t[b] + hostB[b] + gain[b] * gb[b];
            }
        }
        return update;
    }

    /** Current per-bit gains of payload {@code p} (index into the codewords given). */
    float[] gains(int p) {
        return gains[p];
    }
}
