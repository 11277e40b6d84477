package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The vectorised mask must give exactly what the plain per-block loops gave (kept here as the
 * reference): sizes that are not multiples of 8, motion, a still picture and a scene cut.
 */
class PerceptualMaskTest {
    @Test
    void matchesThePlainPerBlockComputation() {
        int[][] sizes = {{64, 48}, {37, 23}, {130, 75}, {3, 3}, {1, 9}};
        for (int[] size : sizes) {
            int w = size[0];
            int h = size[1];
            PerceptualMask fast = new PerceptualMask(w, h);
            ReferenceMask reference = new ReferenceMask(w, h);
            SplittableRandom random = new SplittableRandom(w * 31L + h);
            byte[] picture = texture(w, h, random);
            for (int i = 0; i < 8; i++) {
                if (i == 5) {
                    picture = texture(w, h, random); // a scene cut
                } else if (i != 3) {
                    for (int k = 0; k < picture.length; k += 1 + random.nextInt(5)) {
                        picture[k] = (byte) Math.min(255, Math.max(0, (picture[k] & 0xff) + random.nextInt(-12, 13)));
                    }
                }
                assertArrayEquals(reference.update(picture), fast.update(picture), 0f, w + "x" + h + " picture " + i);
            }
        }
    }

    private static byte[] texture(int w, int h, SplittableRandom random) {
        byte[] p = new byte[w * h];
        int base = random.nextInt(0, 256);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // flat, textured and clipped regions so every branch of the mask is taken
                int v = x < w / 3 ? base : base + (int) (40 * Math.sin(x * 0.7 + y * 0.3)) + random.nextInt(-20, 21);
                p[y * w + x] = (byte) Math.min(255, Math.max(0, v));
            }
        }
        return p;
    }

    /** The mask as first written: one loop over the 64 pixels of each block. */
    private static final class ReferenceMask {
        private static final int B = 8;
        private final int width;
        private final int height;
        private final int bw;
        private final int bh;
        private final float[] blocks;
        private final float[] smooth;
        private final byte[] previous;
        private boolean havePrevious;
        private final float[] strength;

        ReferenceMask(int width, int height) {
            this.width = width;
            this.height = height;
            this.bw = (width + B - 1) / B;
            this.bh = (height + B - 1) / B;
            this.blocks = new float[bw * bh];
            this.smooth = new float[bw * bh];
            this.previous = new byte[width * height];
            this.strength = new float[width * height];
            this.rowLow = lowBlocks(height, bh);
            this.rowFraction = fractions(height, rowLow);
            this.columnLow = lowBlocks(width, bw);
            this.columnFraction = fractions(width, columnLow);
            this.columnHigh = new int[width];
            for (int x = 0; x < width; x++) {
                columnHigh[x] = Math.min(bw - 1, columnLow[x] + 1);
            }
        }

        /** Strength per pixel for this frame (the returned array is reused). */
        float[] update(byte[] luma) {
            double cut = havePrevious ? meanAbsDiff(luma) : 1e9;
            boolean sceneCut = cut > 25;
            float[] raw = new float[bw * bh];
            for (int by = 0; by < bh; by++) {
                for (int bx = 0; bx < bw; bx++) {
                    int x0 = bx * B;
                    int y0 = by * B;
                    int x1 = Math.min(width - 1, x0 + B);
                    int y1 = Math.min(height - 1, y0 + B);
                    double lap = 0;
                    double grad = 0;
                    double motion = 0;
                    double lum = 0;
                    int n = 0;
                    for (int y = Math.max(1, y0); y < y1; y++) {
                        int row = y * width;
                        for (int x = Math.max(1, x0); x < x1; x++) {
                            int c = luma[row + x] & 0xff;
                            int l = luma[row + x - 1] & 0xff;
                            int r = luma[row + x + 1] & 0xff;
                            int u = luma[row - width + x] & 0xff;
                            int d = luma[row + width + x] & 0xff;
                            lap += Math.abs(4 * c - l - r - u - d);
                            grad += Math.abs(r - l) + Math.abs(d - u);
                            lum += c;
                            if (havePrevious && !sceneCut) {
                                motion += Math.abs(c - (previous[row + x] & 0xff));
                            }
                            n++;
                        }
                    }
                    float s;
                    if (n == 0) {
                        s = 0.5f;
                    } else {
                        lap /= n;
                        grad /= n;
                        motion /= n;
                        lum /= n;
                        // texture: Laplacian energy; an isolated edge has large gradient but little Laplacian
                        double texture = Math.min(1.0, lap / 24.0);
                        double edgeness = grad > 1 ? Math.max(0, 1 - 2 * lap / grad) : 0;
                        double m = 0.2 + 1.6 * texture - 0.15 * edgeness * (1 - texture);
                        m *= 1 + Math.min(0.4, motion / 20.0);
                        // near black and white the mark clips and is easier to see
                        if (lum < 24 || lum > 235) {
                            m *= 0.5;
                        }
                        s = (float) Math.max(0.15, m);
                    }
                    raw[by * bw + bx] = s;
                }
            }
            // spatial 3x3 smoothing of the block map
            for (int by = 0; by < bh; by++) {
                for (int bx = 0; bx < bw; bx++) {
                    float sum = 0;
                    int n = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int yy = by + dy;
                            int xx = bx + dx;
                            if (yy >= 0 && yy < bh && xx >= 0 && xx < bw) {
                                sum += raw[yy * bw + xx];
                                n++;
                            }
                        }
                    }
                    float v = sum / n;
                    int i = by * bw + bx;
                    // hold the strength until it changes by more than 25%: a static picture then gets an
                    // exactly static mark, which the encoder codes like the unmarked picture (skip blocks)
                    if (!havePrevious || sceneCut || Math.abs(v - blocks[i]) > 0.25f * blocks[i]) {
                        blocks[i] = v;
                    }
                }
            }
            System.arraycopy(blocks, 0, smooth, 0, blocks.length);
            System.arraycopy(luma, 0, previous, 0, luma.length);
            havePrevious = true;
            interpolate();
            return strength;
        }

        private double meanAbsDiff(byte[] luma) {
            long sum = 0;
            int n = 0;
            for (int i = 0; i < luma.length; i += 7) {
                sum += Math.abs((luma[i] & 0xff) - (previous[i] & 0xff));
                n++;
            }
            return sum / (double) n;
        }

        private void interpolate() {
            for (int y = 0; y < height; y++) {
                int y0 = rowLow[y];
                int y1 = Math.min(bh - 1, y0 + 1);
                float fy = rowFraction[y];
                int row = y * width;
                int r0 = y0 * bw;
                int r1 = y1 * bw;
                for (int x = 0; x < width; x++) {
                    int x0 = columnLow[x];
                    int x1 = columnHigh[x];
                    float fx = columnFraction[x];
                    float a = smooth[r0 + x0] + (smooth[r0 + x1] - smooth[r0 + x0]) * fx;
                    float b = smooth[r1 + x0] + (smooth[r1 + x1] - smooth[r1 + x0]) * fx;
                    strength[row + x] = a + (b - a) * fy;
                }
            }
        }

        /** Block index at or before each pixel row/column and the bilinear weight (computed once). */
        private final int[] rowLow;
        private final float[] rowFraction;
        private final int[] columnLow;
        private final int[] columnHigh;
        private final float[] columnFraction;

        private int[] lowBlocks(int n, int blocks) {
            int[] low = new int[n];
            for (int i = 0; i < n; i++) {
                low[i] = Math.max(0, Math.min(blocks - 1, (int) Math.floor((i + 0.5) / B - 0.5)));
            }
            return low;
        }

        private static float[] fractions(int n, int[] low) {
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = (float) Math.max(0, Math.min(1, (i + 0.5) / B - 0.5 - low[i]));
            }
            return f;
        }
    }
}
