package org.reeltrace.watermark;

/**
 * Sums, over pictures, the high-pass residual of working-resolution luma (picture minus its
 * 9x9 local mean), each picture normalised to unit variance and clipped at 3 sigma so one busy
 * frame or a hard edge cannot dominate. The pattern is static, so it adds up; content changes
 * and averages out.
 */
final class ResidualAccumulator {
    private static final int RADIUS = 4;
    final int width;
    final int height;
    final float[] sum;
    private final float[] residual;
    private final double[] integral;
    int pictures;

    ResidualAccumulator(int width, int height) {
        this.width = width;
        this.height = height;
        this.sum = new float[width * height];
        this.residual = new float[width * height];
        this.integral = new double[(width + 1) * (height + 1)];
    }

    /** Adds one picture; {@code valid} (nullable) marks the pixels that carry picture content. */
    void add(float[] luma, boolean[] valid) {
        highPass(luma, residual);
        localNormalise(residual);
        if (valid != null) {
            for (int i = 0; i < residual.length; i++) {
                if (!valid[i]) {
                    residual[i] = 0;
                }
            }
        }
        addResidual(residual);
    }

    /** Adds an already computed residual (informed detection). */
    void addResidual(float[] r) {
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
        for (int i = 0; i < r.length; i++) {
            float v = r[i] * inv;
            sum[i] += v > 3 ? 3 : (v < -3 ? -3 : v);
        }
        pictures++;
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
