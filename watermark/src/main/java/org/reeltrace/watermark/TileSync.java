package org.reeltrace.watermark;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the tiled pattern in an accumulated residual image and reads one soft value per coded
 * bit. Scale: the tile period shows as autocorrelation peaks on the axes (crop, letterbox and
 * resizing change it); the nominal period is always tried too. Shift: the residual is folded
 * modulo the period into one tile at 4 bins per cell, and every cyclic shift is scored by the
 * energy of its per-bit sums.
 */
final class TileSync {
    static final int BINS = WorkingFrame.NOMINAL_PERIOD;
    private static final int PER_CELL = BINS / TilePattern.SIDE;

    private TileSync() {
    }

    /** One geometry hypothesis and the soft values it reads. */
    record Candidate(double periodX, double periodY, int shiftX, int shiftY, double[] soft) {
    }

    static List<Candidate> candidates(float[] residual, int width, int height, TilePattern tile, boolean searchScale) {
        List<double[]> periods = new ArrayList<>();
        periods.add(new double[] {BINS, BINS});
        if (searchScale) {
            double[] p = autocorrelationPeriods(residual, width, height);
            if (p != null && (Math.abs(p[0] - BINS) > 0.6 || Math.abs(p[1] - BINS) > 0.6)) {
                periods.add(p);
            }
        }
        List<Candidate> out = new ArrayList<>();
        for (double[] p : periods) {
            out.add(best(fold(residual, width, height, p[0], p[1]), p[0], p[1], tile));
        }
        return out;
    }

    /** Mean residual per bin of one tile period. */
    static double[] fold(float[] r, int width, int height, double px, double py) {
        double[] sum = new double[BINS * BINS];
        int[] count = new int[BINS * BINS];
        int[] bx = new int[width];
        for (int x = 0; x < width; x++) {
            bx[x] = Math.floorMod((int) Math.floor((x + 0.5) / px * BINS), BINS);
        }
        for (int y = 0; y < height; y++) {
            int by = Math.floorMod((int) Math.floor((y + 0.5) / py * BINS), BINS) * BINS;
            for (int x = 0; x < width; x++) {
                float v = r[y * width + x];
                if (v != 0) {
                    sum[by + bx[x]] += v;
                    count[by + bx[x]]++;
                }
            }
        }
        for (int i = 0; i < sum.length; i++) {
            if (count[i] > 0) {
                sum[i] /= count[i];
            }
        }
        return sum;
    }

    /** The cyclic shift whose per-bit sums carry the most energy. */
    static Candidate best(double[] folded, double px, double py, TilePattern tile) {
        // cell sums: box of PER_CELL x PER_CELL bins starting at every bin
        double[] box = new double[BINS * BINS];
        for (int y = 0; y < BINS; y++) {
            for (int x = 0; x < BINS; x++) {
                double s = 0;
                for (int j = 0; j < PER_CELL; j++) {
                    int row = ((y + j) % BINS) * BINS;
                    for (int i = 0; i < PER_CELL; i++) {
                        s += folded[row + (x + i) % BINS];
                    }
                }
                box[y * BINS + x] = s;
            }
        }
        int n = PayloadCodec.CODED_BITS;
        double[] sums = new double[n];
        double bestEnergy = -1;
        int bestX = 0;
        int bestY = 0;
        for (int dy = 0; dy < BINS; dy++) {
            for (int dx = 0; dx < BINS; dx++) {
                java.util.Arrays.fill(sums, 0);
                readSums(box, tile, dx, dy, sums);
                double e = 0;
                for (double v : sums) {
                    e += v * v;
                }
                if (e > bestEnergy) {
                    bestEnergy = e;
                    bestX = dx;
                    bestY = dy;
                }
            }
        }
        java.util.Arrays.fill(sums, 0);
        readSums(box, tile, bestX, bestY, sums);
        return new Candidate(px, py, bestX, bestY, normalise(sums));
    }

    /** Soft values at a known shift (informed detection). */
    static double[] readAt(double[] folded, TilePattern tile, int dx, int dy) {
        double[] box = new double[BINS * BINS];
        for (int y = 0; y < BINS; y++) {
            for (int x = 0; x < BINS; x++) {
                double s = 0;
                for (int j = 0; j < PER_CELL; j++) {
                    for (int i = 0; i < PER_CELL; i++) {
                        s += folded[((y + j) % BINS) * BINS + (x + i) % BINS];
                    }
                }
                box[y * BINS + x] = s;
            }
        }
        double[] sums = new double[PayloadCodec.CODED_BITS];
        readSums(box, tile, dx, dy, sums);
        return normalise(sums);
    }

    private static void readSums(double[] box, TilePattern tile, int dx, int dy, double[] sums) {
        for (int v = 0; v < TilePattern.SIDE; v++) {
            int row = ((PER_CELL * v + dy) % BINS) * BINS;
            int k = v * TilePattern.SIDE;
            for (int u = 0; u < TilePattern.SIDE; u++, k++) {
                double val = box[row + (PER_CELL * u + dx) % BINS];
                // chip = sign * (2c - 1): positive soft value means coded bit 1
                sums[tile.bitOf[k]] += tile.sign[k] * val;
            }
        }
    }

    static double[] normalise(double[] s) {
        double ss = 0;
        for (double v : s) {
            ss += v * v;
        }
        double rms = Math.sqrt(ss / s.length);
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = rms == 0 ? 0 : s[i] / rms;
        }
        return out;
    }

    /**
     * Tile periods {px, py} in working pixels from the autocorrelation of the residual (computed at
     * half resolution), or null when the picture is too small.
     */
    static double[] autocorrelationPeriods(float[] r, int width, int height) {
        int hw = width / 2;
        int hh = height / 2;
        int maxLag = (int) Math.ceil(BINS / 2.0 * 1.35);
        int minLag = BINS / 4;
        int fw = Fft.nextPow2(hw + maxLag + 2);
        int fh = Fft.nextPow2(hh + maxLag + 2);
        double[] re = new double[fw * fh];
        double[] im = new double[fw * fh];
        for (int y = 0; y < hh; y++) {
            for (int x = 0; x < hw; x++) {
                int i = 2 * y * width + 2 * x;
                re[y * fw + x] = r[i] + r[i + 1] + r[i + width] + r[i + width + 1];
            }
        }
        Fft.transform2d(re, im, fw, fh, false);
        for (int i = 0; i < re.length; i++) {
            re[i] = re[i] * re[i] + im[i] * im[i];
            im[i] = 0;
        }
        Fft.transform2d(re, im, fw, fh, true);
        double px = peak(re, fw, minLag, Math.min(maxLag, hw - 8), true);
        double py = peak(re, fw, minLag, Math.min(maxLag, hh - 8), false);
        if (Double.isNaN(px) || Double.isNaN(py)) {
            return null;
        }
        return new double[] {2 * px, 2 * py};
    }

    private static double peak(double[] ac, int fw, int minLag, int maxLag, boolean horizontal) {
        if (maxLag <= minLag + 1) {
            return Double.NaN;
        }
        double best = Double.NEGATIVE_INFINITY;
        int arg = -1;
        for (int lag = minLag; lag <= maxLag; lag++) {
            double v = horizontal ? ac[lag] : ac[lag * fw];
            if (v > best) {
                best = v;
                arg = lag;
            }
        }
        double a = horizontal ? ac[arg - 1] : ac[(arg - 1) * fw];
        double c = horizontal ? ac[arg + 1] : ac[(arg + 1) * fw];
        double denom = a - 2 * best + c;
        double off = denom == 0 ? 0 : 0.5 * (a - c) / denom;
        return arg + Math.max(-0.5, Math.min(0.5, off));
    }
}
