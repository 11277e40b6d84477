package org.reeltrace.watermark;

/**
 * Keeps a still's mark within an SSIM budget, block by block. The perceptual mask judges texture
 * by the Laplacian, so it can overrate low-contrast areas (a grainy black and white film, fog,
 * skin), where a mark of the same power costs far more SSIM; and where the picture is clipped
 * (black bars) the rounding keeps only the positive half of the mark, a mean shift that SSIM's
 * luminance term punishes hard. Each 8x8 block's SSIM between the marked and the original picture
 * is computed as FFmpeg's and x264's {@code ssim} compute it (their luminance constant is 1/64
 * of the paper's, so dark blocks count more), and blocks below 1 - {@link #LOSS} get their
 * strength scaled down.
 */
final class StructuralBudget {
    private static final int BLOCK = 8;
    private static final double C1 = Math.pow(0.01 * 255, 2) / 64;
    private static final double C2 = Math.pow(0.03 * 255, 2) * 63 / 64;
    /** Per-block SSIM loss allowed: blocks stay above 0.98 (0.005 cost too much robustness). */
    static final double LOSS = 0.02;

    private StructuralBudget() {
    }

    /**
     * Scales {@code strength} down in the blocks where the mark ({@code marked - original})
     * costs more SSIM than allowed (the loss grows with the square of the mark); each block's
     * factor is the smallest of its 3x3 neighbourhood, since SSIM windows straddle blocks.
     * Returns whether anything changed.
     */
    static boolean limit(byte[] original, byte[] marked, float[] strength, int width, int height) {
        int bw = (width + BLOCK - 1) / BLOCK;
        int bh = (height + BLOCK - 1) / BLOCK;
        double[] factor = new double[bw * bh];
        boolean any = false;
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                double loss = 1 - blockSsim(original, marked, width, height, bx, by);
                factor[by * bw + bx] = loss > LOSS ? Math.sqrt(LOSS / loss) : 1;
                any |= loss > LOSS;
            }
        }
        if (!any) {
            return false;
        }
        double[] neighbourhood = new double[bw * bh];
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                double f = 1;
                for (int j = Math.max(0, by - 1); j <= Math.min(bh - 1, by + 1); j++) {
                    for (int i = Math.max(0, bx - 1); i <= Math.min(bw - 1, bx + 1); i++) {
                        f = Math.min(f, factor[j * bw + i]);
                    }
                }
                neighbourhood[by * bw + bx] = f;
            }
        }
        for (int y = 0; y < height; y++) {
            int row = (y / BLOCK) * bw;
            for (int x = 0; x < width; x++) {
                strength[y * width + x] *= (float) neighbourhood[row + x / BLOCK];
            }
        }
        return true;
    }

    /** SSIM of block (bx, by) between the two pictures, with FFmpeg's and x264's constants. */
    private static double blockSsim(byte[] original, byte[] marked, int width, int height, int bx, int by) {
        double sa = 0;
        double sb = 0;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        int n = 0;
        for (int y = by * BLOCK; y < Math.min(height, (by + 1) * BLOCK); y++) {
            for (int x = bx * BLOCK; x < Math.min(width, (bx + 1) * BLOCK); x++) {
                int i = y * width + x;
                int a = original[i] & 0xff;
                int b = marked[i] & 0xff;
                sa += a;
                sb += b;
                saa += a * a;
                sbb += b * b;
                sab += a * b;
                n++;
            }
        }
        double ma = sa / n;
        double mb = sb / n;
        double va = saa / n - ma * ma;
        double vb = sbb / n - mb * mb;
        double cov = sab / n - ma * mb;
        return (2 * ma * mb + C1) * (2 * cov + C2) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
    }
}
