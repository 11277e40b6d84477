package org.reeltrace.fingerprint;

import java.util.Arrays;

/**
 * The PDQ recipe on a 64x64 luma plane: 2-D DCT, the 16x16 lowest non-DC frequencies,
 * thresholded at their median. A horizontal flip negates the coefficients of odd horizontal
 * frequency, so the flipped picture's hash comes from the same coefficients. Not thread-safe.
 */
final class DctHasher {
    static final int SIZE = 64;
    private static final int K = 16;
    private static final float[] BASIS = basis();

    private final float[] rows = new float[K * SIZE];
    private final float[] coefficients = new float[K * K];
    private final float[] sorted = new float[K * K];

    private static float[] basis() {
        float[] d = new float[K * SIZE];
        double scale = Math.sqrt(2.0 / SIZE);
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < SIZE; j++) {
                d[i * SIZE + j] = (float) (scale * Math.cos(Math.PI / 2 / SIZE * (i + 1) * (2 * j + 1)));
            }
        }
        return d;
    }

    /**
     * Hashes {@code plane} (64x64, row-major) into {@code out[outIndex]}, and its mirror image into
     * {@code flipOut[outIndex]} when {@code flipOut} is not null; returns the quality 0..255.
     */
    int hash(float[] plane, long[] out, int outIndex, long[] flipOut) {
        // rows[i][x] = sum_y D[i][y] * plane[y][x]
        Arrays.fill(rows, 0f);
        for (int i = 0; i < K; i++) {
            int ri = i * SIZE;
            for (int y = 0; y < SIZE; y++) {
                float d = BASIS[ri + y];
                int py = y * SIZE;
                for (int x = 0; x < SIZE; x++) {
                    rows[ri + x] += d * plane[py + x];
                }
            }
        }
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < K; j++) {
                float s = 0;
                int rj = j * SIZE;
                int ri = i * SIZE;
                for (int x = 0; x < SIZE; x++) {
                    s += rows[ri + x] * BASIS[rj + x];
                }
                coefficients[i * K + j] = s;
            }
        }
        threshold(coefficients, out, outIndex);
        if (flipOut != null) {
            for (int i = 0; i < K; i++) {
                for (int j = 0; j < K; j += 2) { // j = 0 is horizontal frequency 1: odd, negated
                    coefficients[i * K + j] = -coefficients[i * K + j];
                }
            }
            threshold(coefficients, flipOut, outIndex);
        }
        return quality(plane);
    }

    private void threshold(float[] c, long[] out, int outIndex) {
        System.arraycopy(c, 0, sorted, 0, c.length);
        Arrays.sort(sorted);
        float median = (sorted[127] + sorted[128]) / 2;
        int base = outIndex * Hashes.LONGS;
        for (int w = 0; w < Hashes.LONGS; w++) {
            long word = 0;
            for (int b = 0; b < 64; b++) {
                if (c[w * 64 + b] > median) {
                    word |= 1L << b;
                }
            }
            out[base + w] = word;
        }
    }

    /** Mean absolute luma gradient, scaled so that 255 is a busy picture and below ~10 is flat. */
    static int quality(float[] plane) {
        double sum = 0;
        for (int y = 0; y < SIZE - 1; y++) {
            for (int x = 0; x < SIZE - 1; x++) {
                float v = plane[y * SIZE + x];
                sum += Math.abs(plane[y * SIZE + x + 1] - v) + Math.abs(plane[(y + 1) * SIZE + x] - v);
            }
        }
        double mean = sum / (2.0 * (SIZE - 1) * (SIZE - 1));
        return (int) Math.min(255, Math.round(mean * 16));
    }
}
