package org.reeltrace.fingerprint;

import java.util.List;

/**
 * Finds a picture-in-picture inset anywhere in the picture: a rectangle whose sides are straight
 * lines across which the picture changes independently over time. In natural footage neighbouring
 * pixels change together (motion, cuts, light); across the edge of an inset the two sides belong to
 * different videos, so their frame-to-frame changes are uncorrelated (or one side is still). For
 * every line between two pixels we measure that decorrelation over the sampled planes; a side must
 * stand out from the lines parallel to it (a ridge), so fine moving texture, which decorrelates
 * everywhere, does not make edges. Sides on the border of the picture need no evidence, so a
 * rectangle needs at least two measured sides.
 */
final class InsetDetector {
    /** fewest planes (frame-to-frame changes + 1) that say anything */
    static final int MIN_PLANES = 8;
    /** frame-to-frame change below this (RMS grey levels) is "still": coding noise, not content */
    private static final double STILL_RMS = 2.0;
    /** distance to the parallel lines a side must stand out from */
    private static final int RIDGE = 3;
    private static final double MIN_AREA = 0.16;
    private static final double MAX_AREA = 0.81;
    private static final double MIN_SIDE = 0.3;
    static final double MIN_RIDGE = 0.25;
    /**
     * What a side on the picture's border counts as (it cannot be measured): measured sides must be
     * clearly stronger than the threshold to be preferred to the border
     */
    private static final double BORDER = 0.3;

    /**
     * Rectangle as fractions (left, top, right, bottom) of the crop box, with its weakest side's ridge
     * score (sides on the picture's border count as {@link #BORDER}).
     */
    record Inset(double left, double top, double right, double bottom, double score) {
    }

    private InsetDetector() {
    }

    /** The most convincing inset in {@code planes} (width × width pixels) inside {@code crop}, or null. */
    static Inset detect(List<byte[]> planes, int width, CropBox crop) {
        if (planes.size() < MIN_PLANES) {
            return null;
        }
        int w = crop.width();
        int h = crop.height();
        if (w < 4 * RIDGE + 8 || h < 4 * RIDGE + 8) {
            return null;
        }
        // rowEdge[y][x]: decorrelation across the horizontal line through pixel row y (rows y-1 vs y+1)
        float[][] rowEdge = new float[h][w];
        float[][] colEdge = new float[w][h];
        decorrelation(planes, width, crop, rowEdge, colEdge);
        double[][] rowPrefix = prefix(rowEdge);
        double[][] colPrefix = prefix(colEdge);
        Inset best = null;
        double bestSum = 0;
        int minW = (int) Math.ceil(MIN_SIDE * w);
        int minH = (int) Math.ceil(MIN_SIDE * h);
        double area = (double) w * h;
        // lines 1..size-2 can be measured; 0 and size-1 stand for the picture's border
        for (int y0 = 0; y0 < h - 1; y0++) {
            boolean topBorder = y0 == 0;
            for (int y1 = y0 + minH; y1 < h; y1++) {
                boolean bottomBorder = y1 == h - 1;
                for (int x0 = 0; x0 < w - 1; x0++) {
                    boolean leftBorder = x0 == 0;
                    double left = leftBorder ? BORDER : ridge(colPrefix, x0, y0, y1);
                    if (left < MIN_RIDGE) {
                        continue;
                    }
                    for (int x1 = x0 + minW; x1 < w; x1++) {
                        boolean rightBorder = x1 == w - 1;
                        int measured = (topBorder ? 0 : 1) + (bottomBorder ? 0 : 1) + (leftBorder ? 0 : 1) + (rightBorder ? 0 : 1);
                        double a = (double) (x1 - x0) * (y1 - y0) / area;
                        if (measured < 2 || a < MIN_AREA || a > MAX_AREA) {
                            continue;
                        }
                        double right = rightBorder ? BORDER : ridge(colPrefix, x1, y0, y1);
                        double score = Math.min(left, right);
                        if (score < MIN_RIDGE || (best != null && score < best.score)) {
                            continue;
                        }
                        double top = topBorder ? BORDER : ridge(rowPrefix, y0, x0, x1);
                        double bottom = bottomBorder ? BORDER : ridge(rowPrefix, y1, x0, x1);
                        score = Math.min(score, Math.min(top, bottom));
                        double sum = left + right + top + bottom;
                        if (score >= MIN_RIDGE && (best == null || score > best.score || (score == best.score && sum > bestSum))) {
                            best = new Inset(x0, y0, x1, y1, score);
                            bestSum = sum;
                        }
                    }
                }
            }
        }
        if (best == null) {
            return null;
        }
        int x0 = (int) best.left;
        int y0 = (int) best.top;
        int x1 = (int) best.right;
        int y1 = (int) best.bottom;
        return new Inset(edge(colPrefix, x0, y0, y1) / w, edge(rowPrefix, y0, x0, x1) / h,
                edge(colPrefix, x1, y0, y1) / w, edge(rowPrefix, y1, x0, x1) / h, best.score);
    }

    /**
     * Where the boundary lies, in pixel-edge coordinates (pixel k spans [k, k+1)), for the side found
     * on line {@code line}. Line l compares pixels l−1 and l+1, so it straddles a boundary b fully when
     * l ≤ b ≤ l+1; its neighbours straddle it partly (through the blended pixel), the more the nearer
     * b is to them: the difference of their decorrelations places b within the line's pixel.
     */
    private static double edge(double[][] prefix, int line, int from, int to) {
        if (line == 0) {
            return 0;
        }
        if (line == prefix.length - 1) {
            return prefix.length;
        }
        double n = to - from;
        double on = (prefix[line][to] - prefix[line][from]) / n;
        double before = line >= 2 ? (prefix[line - 1][to] - prefix[line - 1][from]) / n : 0;
        double after = line <= prefix.length - 3 ? (prefix[line + 1][to] - prefix[line + 1][from]) / n : 0;
        double shift = on > 0 ? 0.5 * (after - before) / on : 0;
        return line + 0.5 + Math.max(-0.5, Math.min(0.5, shift));
    }

    /**
     * Mean decorrelation of line {@code line} over [from, to) minus that of the lines parallel to it at
     * distance 2..4 on the side where they are stronger (near the border only one side exists).
     */
    private static double ridge(double[][] prefix, int line, int from, int to) {
        double n = to - from;
        double on = (prefix[line][to] - prefix[line][from]) / n;
        double parallel = 0;
        if (line - RIDGE - 1 >= 1) {
            parallel = mean(prefix, line - RIDGE - 1, line - RIDGE + 1, from, to);
        }
        if (line + RIDGE + 1 <= prefix.length - 2) {
            parallel = Math.max(parallel, mean(prefix, line + RIDGE - 1, line + RIDGE + 1, from, to));
        }
        return on - parallel;
    }

    /** Mean decorrelation of lines {@code first..last} over [from, to). */
    private static double mean(double[][] prefix, int first, int last, int from, int to) {
        double sum = 0;
        for (int l = first; l <= last; l++) {
            sum += prefix[l][to] - prefix[l][from];
        }
        return sum / ((last - first + 1) * (double) (to - from));
    }

    private static double[][] prefix(float[][] lines) {
        double[][] p = new double[lines.length][];
        for (int l = 0; l < lines.length; l++) {
            p[l] = new double[lines[l].length + 1];
            for (int k = 0; k < lines[l].length; k++) {
                p[l][k + 1] = p[l][k] + lines[l][k];
            }
        }
        return p;
    }

    /**
     * 1 − correlation of the frame-to-frame changes of the pixels on either side of each line
     * (one pixel apart, skipping the blended pixel on the line); 0 where both sides are still.
     */
    private static void decorrelation(List<byte[]> planes, int width, CropBox crop, float[][] rowEdge, float[][] colEdge) {
        int w = crop.width();
        int h = crop.height();
        int n = planes.size() - 1;
        // per pixel: sum of squared changes; per line pixel: sum of products across the line
        double[] energy = new double[w * h];
        double[] rowProduct = new double[w * h];
        double[] colProduct = new double[w * h];
        float[] change = new float[w * h];
        for (int t = 1; t <= n; t++) {
            byte[] a = planes.get(t - 1);
            byte[] b = planes.get(t);
            for (int y = 0; y < h; y++) {
                int src = (crop.top() + y) * width + crop.left();
                for (int x = 0; x < w; x++) {
                    float d = (b[src + x] & 0xff) - (a[src + x] & 0xff);
                    change[y * w + x] = d;
                    energy[y * w + x] += d * d;
                }
            }
            for (int y = 1; y < h - 1; y++) {
                for (int x = 1; x < w - 1; x++) {
                    int i = y * w + x;
                    rowProduct[i] += change[i - w] * change[i + w];
                    colProduct[i] += change[i - 1] * change[i + 1];
                }
            }
        }
        double floor = n * STILL_RMS * STILL_RMS;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                rowEdge[y][x] = decorrelation(energy[i - w], energy[i + w], rowProduct[i], floor);
                colEdge[x][y] = decorrelation(energy[i - 1], energy[i + 1], colProduct[i], floor);
            }
        }
    }

    private static float decorrelation(double ea, double eb, double product, double floor) {
        if (ea < floor && eb < floor) {
            return 0;
        }
        double c = product / Math.sqrt(Math.max(ea, floor) * Math.max(eb, floor));
        return (float) (1 - Math.max(0, c));
    }
}
