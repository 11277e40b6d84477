package org.reeltrace.watermark;

/**
 * Sums, over pictures, the high-pass residual of working-resolution luma (picture minus its
 * 9x9 local mean), each picture normalised to unit variance and clipped at 3 sigma so one busy
 * frame or a hard edge cannot dominate. How pictures are weighted follows how the mark was
 * written ({@link Weighting}): a still's static mark adds up directly; a video's mark rotates
 * between two patterns with the {@link TemporalCarrier}, so detection keeps two sums weighted by
 * the carrier's cos and sin (a static picture cancels in both). Blind detection weights by the
 * suspect's own time, so the carrier's phase is unknown; informed detection weights by the
 * original's time, so it is known, and also keeps the plain sum, for a copy whose encoder froze
 * the mark of a key frame over the pictures it predicted from it.
 */
final class ResidualAccumulator {
    /** How each picture is weighted in the sums. */
    enum Weighting {
        /** Weight 1 (stills; the embedder's own measurements). */
        STATIC,
        /** Blind video: cos into {@link #sum}, sin into {@link #quadrature}, of the suspect's time. */
        IN_PHASE_AND_QUADRATURE,
        /** Informed video: cos and sin of the original's time, and weight 1 into {@link #plain}. */
        KNOWN_TIME
    }

    private static final int RADIUS = 4;
    final int width;
    final int height;
    final Weighting weighting;
    /** The static or in-phase sum. */
    final float[] sum;
    /** The quadrature sum (null for {@link Weighting#STATIC}). */
    final float[] quadrature;
    /** The unweighted sum kept beside the carrier's (null for {@link Weighting#STATIC}). */
    final float[] plain;
    private double weightSumP;
    private double weightSumQ;
    private final float[] residual;
    private final double[] integral;
    /** Informed detection's short-segment sums ({@link Weighting#KNOWN_TIME} only, else null). */
    final PictureSeries series;
    int pictures;

    ResidualAccumulator(int width, int height) {
        this(width, height, Weighting.STATIC);
    }

    ResidualAccumulator(int width, int height, Weighting weighting) {
        this.width = width;
        this.height = height;
        this.weighting = weighting;
        this.sum = new float[width * height];
        this.quadrature = weighting == Weighting.STATIC ? null : new float[width * height];
        this.plain = weighting == Weighting.STATIC ? null : new float[width * height];
        this.series = weighting == Weighting.KNOWN_TIME ? new PictureSeries(width, height) : null;
        this.residual = new float[width * height];
        this.integral = new double[(width + 1) * (height + 1)];
    }

    /**
     * The sums of the same pictures mirrored left to right (a leak flipped to dodge matching): the
     * residual's box filters are symmetric, so mirroring the sums equals summing mirrored pictures.
     * Blind sums only (informed detection registers the picture itself).
     */
    ResidualAccumulator mirrored() {
        if (series != null) {
            throw new IllegalStateException("informed sums are not mirrored");
        }
        ResidualAccumulator m = new ResidualAccumulator(width, height, weighting);
        mirror(sum, m.sum);
        if (quadrature != null) {
            mirror(quadrature, m.quadrature);
            mirror(plain, m.plain);
        }
        m.weightSumP = weightSumP;
        m.weightSumQ = weightSumQ;
        m.pictures = pictures;
        return m;
    }

    private void mirror(float[] from, float[] to) {
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                to[row + x] = from[row + width - 1 - x];
            }
        }
    }

    /** Adds one picture of a still (or of the static weighting). */
    void add(float[] luma, boolean[] valid) {
        add(luma, valid, 0);
    }

    /**
     * Adds the picture shown at {@code seconds}; {@code valid} (nullable) marks the pixels that
     * carry picture content.
     */
    void add(float[] luma, boolean[] valid, double seconds) {
        highPass(luma, residual);
        localNormalise(residual);
        if (valid != null) {
            for (int i = 0; i < residual.length; i++) {
                if (!valid[i]) {
                    residual[i] = 0;
                }
            }
        }
        addResidual(residual, seconds);
    }

    /** Adds an already computed residual of the picture shown at {@code seconds}. */
    void addResidual(float[] r, double seconds) {
        double ss = 0;
        int n = 0;
        for (float v : r) {
            if (v != 0) {
                ss += v * v;
                n++;
            }
        }
        if (n < r.length / 20) {
            return;
        }
        double sd = Math.sqrt(ss / n);
        if (sd < 0.05) {
            return; // a flat picture carries no measurable pattern
        }
        float inv = (float) (1 / sd);
        float w = weighting == Weighting.STATIC ? 1f : TemporalCarrier.inPhase(seconds);
        float q = quadrature == null ? 0f : TemporalCarrier.quadrature(seconds);
        for (int i = 0; i < r.length; i++) {
            float v = r[i] * inv;
            v = v > 3 ? 3 : (v < -3 ? -3 : v);
            sum[i] += w * v;
            if (quadrature != null) {
                quadrature[i] += q * v;
            }
            if (plain != null) {
                plain[i] += v;
            }
            if (series != null) {
                r[i] = v; // the segment series reads the picture as it went into the sums
            }
        }
        if (series != null) {
            series.add(r);
        }
        weightSumP += w;
        weightSumQ += q;
        pictures++;
    }

    /**
     * The in-phase and quadrature sums as blind detection reads them: re-weighted so that the
     * weights have zero mean over the pictures read (I - mean(cos) S, Q - mean(sin) S), which
     * cancels a static picture exactly at any length, not only over whole carrier periods (an
     * early check after half a second, a 5.3 s clip). Informed sums are returned as they are: the
     * original is already subtracted, and what is static there is a frozen mark.
     */
    float[][] carrierSums() {
        if (weighting != Weighting.IN_PHASE_AND_QUADRATURE || pictures == 0) {
            return new float[][] {sum, quadrature};
        }
        float mp = (float) (weightSumP / pictures);
        float mq = (float) (weightSumQ / pictures);
        float[] i = new float[sum.length];
        float[] q = new float[sum.length];
        for (int k = 0; k < i.length; k++) {
            i[k] = sum[k] - mp * plain[k];
            q[k] = quadrature[k] - mq * plain[k];
        }
        return new float[][] {i, q};
    }

    /**
     * Divides the residual by its local standard deviation (15x15): busy areas carry more mark but
     * far more content noise, so this is the matched weighting for a mask that follows texture.
     */
    void localNormalise(float[] r) {
        float[] weights = normalisationWeights(r);
        for (int i = 0; i < r.length; i++) {
            r[i] *= weights[i];
        }
    }

    /** 1 / local (15x15) RMS of {@code r} per pixel, with a floor so flat areas do not explode. */
    float[] normalisationWeights(float[] r) {
        float[] squares = new float[r.length];
        for (int i = 0; i < r.length; i++) {
            squares[i] = r[i] * r[i];
        }
        integrate(squares);
        double global = integral[height * (width + 1) + width] / (width * (double) height);
        double floor = 0.05 * global + 0.25;
        float[] w = squares;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                w[y * width + x] = (float) (1 / Math.sqrt(boxMean(x, y, 7) + floor));
            }
        }
        return w;
    }

    /** Fills {@link #integral} with the summed-area table of {@code values}. */
    private void integrate(float[] values) {
        int w1 = width + 1;
        for (int y = 0; y < height; y++) {
            double rowSum = 0;
            for (int x = 0; x < width; x++) {
                rowSum += values[y * width + x];
                integral[(y + 1) * w1 + x + 1] = integral[y * w1 + x + 1] + rowSum;
            }
        }
    }

    /** Mean of the (2 radius + 1)^2 box around (x, y), clipped at the borders, from {@link #integral}. */
    private double boxMean(int x, int y, int radius) {
        int w1 = width + 1;
        int ya = Math.max(0, y - radius);
        int yb = Math.min(height, y + radius + 1);
        int xa = Math.max(0, x - radius);
        int xb = Math.min(width, x + radius + 1);
        double s = integral[yb * w1 + xb] - integral[ya * w1 + xb] - integral[yb * w1 + xa] + integral[ya * w1 + xa];
        return s / ((xb - xa) * (yb - ya));
    }

    void highPass(float[] luma, float[] out) {
        integrate(luma);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = (float) (luma[y * width + x] - boxMean(x, y, RADIUS));
            }
        }
    }
}
