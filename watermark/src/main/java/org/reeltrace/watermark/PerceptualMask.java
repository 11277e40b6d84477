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
    private final float[] raw;
    private final float[] upper;
    /** Block row that {@link #upper} and {@link #lower} were interpolated for (-1: none yet). */
    private int interpolatedRow = -1;
    private final float[] lower;
    private final int[] lapColumns;
    private final int[] gradColumns;
    private final int[] motionColumns;
    private final int[] lumColumns;
    private final int[] wideRow;
    private final int[] previousRow;
    private final int[][] innerRows;
    private final int[] cachedRows = {-1, -1, -1};
    private final long[] cachedPicture = new long[3];
    private long pictures;

    PerceptualMask(int width, int height) {
        this.width = width;
        this.height = height;
        this.bw = (width + B - 1) / B;
        this.bh = (height + B - 1) / B;
        this.blocks = new float[bw * bh];
        this.smooth = new float[bw * bh];
        this.previous = new byte[width * height];
        this.strength = new float[width * height];
        this.raw = new float[bw * bh];
        this.upper = new float[width];
        this.lower = new float[width];
        this.lapColumns = new int[width];
        this.gradColumns = new int[width];
        this.motionColumns = new int[width];
        this.lumColumns = new int[width];
        this.wideRow = new int[width];
        this.previousRow = new int[width];
        this.innerRows = new int[3][width];
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
        analyse(luma);
        return strength();
    }

    /** The strength of every pixel of the last picture analysed (the returned array is reused). */
    float[] strength() {
        for (int y = 0; y < height; y++) {
            row(y, strength, y * width);
        }
        return strength;
    }

    /**
     * Updates the block map for this picture; {@link #row} then gives the strength row by row
     * (the marker needs no full-size strength plane).
     */
    void analyse(byte[] luma) {
        double cut = havePrevious ? meanAbsDiff(luma) : 1e9;
        boolean sceneCut = cut > 25;
        boolean moving = havePrevious && !sceneCut;
        pictures++;
        for (int by = 0; by < bh; by++) {
            int y0 = Math.max(1, by * B);
            int y1 = Math.min(height - 1, by * B + B);
            sumColumns(luma, y0, y1, moving);
            for (int bx = 0; bx < bw; bx++) {
                int x0 = Math.max(1, bx * B);
                int x1 = Math.min(width - 1, bx * B + B);
                int n = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
                float s;
                if (n == 0) {
                    s = 0.5f;
                } else {
                    long lapSum = 0;
                    long gradSum = 0;
                    long motionSum = 0;
                    long lumSum = 0;
                    for (int i = x0 - 1; i < x1 - 1; i++) {
                        lapSum += lapColumns[i];
                        gradSum += gradColumns[i];
                        motionSum += motionColumns[i];
                        lumSum += lumColumns[i];
                    }
                    double lap = lapSum / (double) n;
                    double grad = gradSum / (double) n;
                    double motion = motionSum / (double) n;
                    double lum = lumSum / (double) n;
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
        interpolatedRow = -1;
    }

    /**
     * Per pixel column, the sums over rows [y0, y1) of |Laplacian|, |gradient|, luma and (when
     * {@code moving}) |change since the previous picture|, at index x - 1 for pixel column x.
     * Integer sums, so the block means are exact. The rows are widened to int first and every
     * array is read at one offset (two for the centre row): loops the JIT vectorises, which it
     * does not for the same arithmetic on bytes at neighbouring offsets (about 4x slower).
     */
    private void sumColumns(byte[] luma, int y0, int y1, boolean moving) {
        java.util.Arrays.fill(lapColumns, 0);
        java.util.Arrays.fill(gradColumns, 0);
        java.util.Arrays.fill(motionColumns, 0);
        java.util.Arrays.fill(lumColumns, 0);
        int n = width - 2;
        for (int y = y0; y < y1; y++) {
            int row = y * width;
            int[] u = innerRow(luma, y - 1);
            int[] m = innerRow(luma, y);
            int[] d = innerRow(luma, y + 1);
            widen(luma, row, wideRow, width);
            addRow(wideRow, u, m, d, lapColumns, gradColumns, lumColumns, n);
            if (moving) {
                widen(previous, row + 1, previousRow, n);
                addDifference(m, previousRow, motionColumns, n);
            }
        }
    }

    /** Adds one row's |Laplacian|, |gradient| and luma to the column sums ({@code c} is the whole row). */
    private static void addRow(int[] c, int[] u, int[] m, int[] d, int[] lap, int[] grad, int[] lum, int n) {
        for (int i = 0; i < n; i++) {
            int l = c[i];
            int r = c[i + 2];
            int centre = m[i];
            lap[i] += Math.abs(4 * centre - l - r - u[i] - d[i]);
            grad[i] += Math.abs(r - l) + Math.abs(d[i] - u[i]);
            lum[i] += centre;
        }
    }

    private static void addDifference(int[] a, int[] b, int[] sum, int n) {
        for (int i = 0; i < n; i++) {
            sum[i] += Math.abs(a[i] - b[i]);
        }
    }

    /** Pixels 1 .. width-2 of row y widened to int (at index x - 1), from a three-row cache. */
    private int[] innerRow(byte[] luma, int y) {
        int slot = y % 3;
        if (cachedRows[slot] != y || cachedPicture[slot] != pictures) {
            widen(luma, y * width + 1, innerRows[slot], width - 2);
            cachedRows[slot] = y;
            cachedPicture[slot] = pictures;
        }
        return innerRows[slot];
    }

    private static void widen(byte[] from, int offset, int[] into, int n) {
        for (int i = 0; i < n; i++) {
            into[i] = from[offset + i] & 0xff;
        }
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

    /** Strength of pixel row {@code y} into {@code into[offset ..]}: bilinear between the blocks. */
    void row(int y, float[] into, int offset) {
        // rows between the same two block rows share the horizontal interpolation: do it once
        int y0 = rowLow[y];
        if (y0 != interpolatedRow) {
            int y1 = Math.min(bh - 1, y0 + 1);
            horizontal(y0 * bw, upper);
            horizontal(y1 * bw, lower);
            interpolatedRow = y0;
        }
        float fy = rowFraction[y];
        float[] a = upper;
        float[] b = lower;
        for (int x = 0; x < width; x++) {
            into[offset + x] = a[x] + (b[x] - a[x]) * fy;
        }
    }

    private void horizontal(int blockRow, float[] into) {
        for (int x = 0; x < width; x++) {
            int x0 = columnLow[x];
            int x1 = columnHigh[x];
            into[x] = smooth[blockRow + x0] + (smooth[blockRow + x1] - smooth[blockRow + x0]) * columnFraction[x];
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
