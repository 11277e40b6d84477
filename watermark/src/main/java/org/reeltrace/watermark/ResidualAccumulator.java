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
        int w1 = width + 1;
        int rad = 7;
        for (int y = 0; y < height; y++) {
            double rowSum = 0;
            for (int x = 0; x < width; x++) {
                float v = r[y * width + x];
                rowSum += v * v;
                integral[(y + 1) * w1 + x + 1] = integral[y * w1 + x + 1] + rowSum;
            }
        }
        double global = integral[height * w1 + width] / (width * (double) height);
        double floor = 0.05 * global + 0.25;
        for (int y = 0; y < height; y++) {
            int ya = Math.max(0, y - rad);
            int yb = Math.min(height, y + rad + 1);
            for (int x = 0; x < width; x++) {
                int xa = Math.max(0, x - rad);
                int xb = Math.min(width, x + rad + 1);
                double s = integral[yb * w1 + xb] - integral[ya * w1 + xb] - integral[yb * w1 + xa] + integral[ya * w1 + xa];
                double var = s / ((xb - xa) * (yb - ya));
                r[y * width + x] /= (float) Math.sqrt(var + floor);
            }
        }
    }

    void highPass(float[] luma, float[] out) {
        int w1 = width + 1;
        for (int y = 0; y < height; y++) {
            double rowSum = 0;
            for (int x = 0; x < width; x++) {
                rowSum += luma[y * width + x];
                integral[(y + 1) * w1 + x + 1] = integral[y * w1 + x + 1] + rowSum;
            }
        }
        for (int y = 0; y < height; y++) {
            int ya = Math.max(0, y - RADIUS);
            int yb = Math.min(height, y + RADIUS + 1);
            for (int x = 0; x < width; x++) {
                int xa = Math.max(0, x - RADIUS);
                int xb = Math.min(width, x + RADIUS + 1);
                double s = integral[yb * w1 + xb] - integral[ya * w1 + xb] - integral[yb * w1 + xa] + integral[ya * w1 + xa];
                out[y * width + x] = (float) (luma[y * width + x] - s / ((xb - xa) * (yb - ya)));
            }
        }
    }
}
