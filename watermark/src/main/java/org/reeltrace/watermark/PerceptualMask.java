package org.reeltrace.watermark;

/**
 * Per-pixel embedding strength from local texture and motion, in 8x8 blocks: more in busy
 * texture and moving areas, less in flat areas and on isolated edges (where the mean absolute
 * Laplacian stays low compared with the gradient). Smoothed in space and held in time (a block
 * changes only when its strength moves by more than 25%) so the mark never flickers; reset on
 * scene cuts.
 */
final class PerceptualMask {
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

    PerceptualMask(int width, int height) {
        this.width = width;
        this.height = height;
        this.bw = (width + B - 1) / B;
        this.bh = (height + B - 1) / B;
        this.blocks = new float[bw * bh];
        this.smooth = new float[bw * bh];
        this.previous = new byte[width * height];
        this.strength = new float[width * height];
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
            double v = (y + 0.5) / B - 0.5;
            int y0 = Math.max(0, Math.min(bh - 1, (int) Math.floor(v)));
            int y1 = Math.min(bh - 1, y0 + 1);
            float fy = (float) Math.max(0, Math.min(1, v - y0));
            int row = y * width;
            for (int x = 0; x < width; x++) {
                double u = (x + 0.5) / B - 0.5;
                int x0 = Math.max(0, Math.min(bw - 1, (int) Math.floor(u)));
                int x1 = Math.min(bw - 1, x0 + 1);
                float fx = (float) Math.max(0, Math.min(1, u - x0));
                float a = smooth[y0 * bw + x0] + (smooth[y0 * bw + x1] - smooth[y0 * bw + x0]) * fx;
                float b = smooth[y1 * bw + x0] + (smooth[y1 * bw + x1] - smooth[y1 * bw + x0]) * fx;
                strength[row + x] = a + (b - a) * fy;
            }
        }
    }
}
