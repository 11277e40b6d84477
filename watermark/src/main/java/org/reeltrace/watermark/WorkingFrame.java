package org.reeltrace.watermark;

/**
 * The detection working resolution: shorter side {@link #SHORT_SIDE} pixels, so one pattern
 * cell is 4 pixels and one tile period 128 pixels when the picture is neither cropped nor padded.
 */
final class WorkingFrame {
    static final int SHORT_SIDE = TilePattern.CELLS_PER_SHORT_SIDE * 4;
    static final int NOMINAL_PERIOD = TilePattern.SIDE * 4;

    private WorkingFrame() {
    }

    /** {width, height} of the working resolution for a picture of that size (even numbers). */
    static int[] sizeFor(int width, int height) {
        if (width >= height) {
            return new int[] {even(SHORT_SIDE * (double) width / height), SHORT_SIDE};
        }
        return new int[] {SHORT_SIDE, even(SHORT_SIDE * (double) height / width)};
    }

    private static int even(double v) {
        return Math.max(2, 2 * (int) Math.round(v / 2));
    }

    /** Unsigned 8-bit luma as floats. */
    static float[] toFloat(byte[] luma) {
        float[] out = new float[luma.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = luma[i] & 0xff;
        }
        return out;
    }

    /** Area-average downscaling (bilinear when enlarging) of a luma plane. */
    static float[] resample(float[] src, int w, int h, int ow, int oh) {
        float[] out = new float[ow * oh];
        if (ow <= w && oh <= h) {
            float[] count = new float[ow * oh];
            int[] bx = new int[w];
            for (int x = 0; x < w; x++) {
                bx[x] = Math.min(ow - 1, (int) ((x + 0.5) * ow / w));
            }
            for (int y = 0; y < h; y++) {
                int by = Math.min(oh - 1, (int) ((y + 0.5) * oh / h)) * ow;
                int row = y * w;
                for (int x = 0; x < w; x++) {
                    out[by + bx[x]] += src[row + x];
                    count[by + bx[x]]++;
                }
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = count[i] == 0 ? 0 : out[i] / count[i];
            }
            return out;
        }
        for (int y = 0; y < oh; y++) {
            double sy = Math.max(0, Math.min(h - 1.0, (y + 0.5) * h / oh - 0.5));
            for (int x = 0; x < ow; x++) {
                double sx = Math.max(0, Math.min(w - 1.0, (x + 0.5) * w / ow - 0.5));
                out[y * ow + x] = (float) bilinear(src, w, h, sx, sy);
            }
        }
        return out;
    }

    static double bilinear(float[] img, int w, int h, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        int x1 = Math.min(w - 1, x0 + 1);
        int y1 = Math.min(h - 1, y0 + 1);
        x0 = Math.max(0, x0);
        y0 = Math.max(0, y0);
        double a = img[y0 * w + x0] + (img[y0 * w + x1] - img[y0 * w + x0]) * fx;
        double b = img[y1 * w + x0] + (img[y1 * w + x1] - img[y1 * w + x0]) * fx;
        return a + (b - a) * fy;
    }
}
