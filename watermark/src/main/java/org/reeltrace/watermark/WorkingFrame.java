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
            int[] start = binStarts(w, ow);
            int[] rowBin = bins(h, oh);
            for (int y = 0; y < h; y++) {
                int by = rowBin[y] * ow;
                int row = y * w;
                for (int ox = 0; ox < ow; ox++) {
                    // the pixels of one output column are consecutive: sum them in a register, in order
                    float t = out[by + ox];
                    for (int x = start[ox]; x < start[ox + 1]; x++) {
                        t += src[row + x];
                    }
                    out[by + ox] = t;
                }
            }
            divideByCounts(out, start, rowBin, ow, oh);
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

    /**
     * {@code resample(toFloat(luma), ...)} without the full-size float copy: the sums of 8-bit
     * values are exact integers either way, so the result is the same.
     */
    static float[] resample(byte[] luma, int w, int h, int ow, int oh) {
        if (ow > w || oh > h) {
            return resample(toFloat(luma), w, h, ow, oh);
        }
        int[] start = binStarts(w, ow);
        int[] rowBin = bins(h, oh);
        int[] sums = new int[ow * oh];
        int[] column = new int[w];
        for (int y = 0; y < h; ) {
            // add up the source rows of one output row per column (a vectorised loop), then the columns
            int oy = rowBin[y];
            java.util.Arrays.fill(column, 0);
            for (; y < h && rowBin[y] == oy; y++) {
                addRow(luma, y * w, column, w);
            }
            int by = oy * ow;
            for (int ox = 0; ox < ow; ox++) {
                int t = 0;
                for (int x = start[ox]; x < start[ox + 1]; x++) {
                    t += column[x];
                }
                sums[by + ox] += t;
            }
        }
        float[] out = new float[ow * oh];
        for (int i = 0; i < out.length; i++) {
            out[i] = sums[i];
        }
        divideByCounts(out, start, rowBin, ow, oh);
        return out;
    }

    private static void addRow(byte[] luma, int offset, int[] into, int n) {
        for (int x = 0; x < n; x++) {
            into[x] += luma[offset + x] & 0xff;
        }
    }

    /** Output cell of each of n input positions when n shrinks to on. */
    private static int[] bins(int n, int on) {
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            b[i] = Math.min(on - 1, (int) ((i + 0.5) * on / n));
        }
        return b;
    }

    /** First input position of each output cell (cells take consecutive positions), plus n at the end. */
    private static int[] binStarts(int n, int on) {
        int[] b = bins(n, on);
        int[] start = new int[on + 1];
        int i = 0;
        for (int o = 0; o < on; o++) {
            while (i < n && b[i] < o) {
                i++;
            }
            start[o] = i;
        }
        start[on] = n;
        return start;
    }

    private static void divideByCounts(float[] sums, int[] start, int[] rowBin, int ow, int oh) {
        int[] rows = new int[oh];
        for (int b : rowBin) {
            rows[b]++;
        }
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                float count = (float) rows[oy] * (start[ox + 1] - start[ox]);
                int i = oy * ow + ox;
                sums[i] = count == 0 ? 0 : sums[i] / count;
            }
        }
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
