package org.reeltrace.watermark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Finds the tiled pattern in an accumulated residual image and reads one soft value per coded
 * bit. Shift: the residual is folded modulo the tile period into one tile of bins, and every
 * cyclic shift is scored by the energy of its per-bit sums (each bit's chips add coherently, so
 * the right shift stands out although no single chip is visible). Scale: crops, letterboxing
 * and resizing change the period; the nominal period is always tried, and a matched search
 * scores periods from 0.7x (a 16:9 picture letterboxed into 4:3) to 1.35x (a 10% crop per side)
 * the nominal one by how far their best shift's energy stands above the energy of all other
 * shifts, first coarsely (2 bins per cell, whole pixels), then refined (4 bins per cell,
 * quarter pixels) around the best few. Shrinking the picture uniformly leaves the period
 * unchanged, because the working resolution follows the picture's shorter side.
 */
final class TileSync {
    static final int BINS = WorkingFrame.NOMINAL_PERIOD;
    private static final int COARSE_BINS = BINS / 2;
    static final double MIN_SCALE = 0.7;
    static final double MAX_SCALE = 1.35;
    /** Geometry hypotheses from the scale search that blind detection decodes. */
    static final int SCALE_CANDIDATES = 2;

    private TileSync() {
    }

    /**
     * One geometry hypothesis, the soft values it reads and how far its energy stands out (z); {@code tilt}
     * is the angle, in radians, by which the tile's axes are turned in the suspect ({@link TiltSearch}).
     */
    record Candidate(double periodX, double periodY, double tilt, int shiftX, int shiftY, double[] soft, double score) {
        Candidate(double periodX, double periodY, int shiftX, int shiftY, double[] soft, double score) {
            this(periodX, periodY, 0, shiftX, shiftY, soft, score);
        }

        /** The same reading with another tilt. */
        Candidate tilted(double radians) {
            return new Candidate(periodX, periodY, radians, shiftX, shiftY, soft, score);
        }
    }

    /** How far the geometry search goes. */
    enum Search {
        /** Only the untouched geometry: nominal period, shift (0, 0). */
        NONE,
        /** Also the nominal period's best cyclic shift. */
        SHIFT,
        /** Also the best periods of the scale search. */
        SCALE
    }

    /**
     * The geometry hypotheses of an accumulated residual. With a quadrature sum the mark lies
     * somewhere in the plane of the two sums: shifts are scored by the energy in both, and the
     * soft values are read along the direction in that plane that carries the most energy (so
     * their sign is known only up to the carrier's: callers decode both).
     */
    static List<Candidate> candidates(ResidualAccumulator acc, TilePattern tile, Search search) {
        float[][] sums = acc.carrierSums();
        float[] quadrature = sums[1];
        List<Candidate> out = new ArrayList<>();
        Folded nominal = Folded.of(sums[0], quadrature, acc.width, acc.height, BINS, BINS, BINS);
        // untouched geometry (re-encodes, filters, frame-rate changes, excerpts): the pattern sits
        // at shift (0, 0); reading there needs no search that noise could win
        out.add(new Candidate(BINS, BINS, 0, 0, readAt(nominal, tile, 0, 0), Double.NaN));
        if (search == Search.NONE) {
            return out;
        }
        Candidate shifted = best(nominal, BINS, BINS, tile, BINS);
        if (shifted.shiftX() != 0 || shifted.shiftY() != 0) {
            out.add(shifted);
        }
        if (search == Search.SCALE) {
            out.addAll(searchScales(sums[0], quadrature, acc.width, acc.height, tile));
            out.addAll(TiltSearch.candidates(sums[0], quadrature, acc.width, acc.height, tile));
        }
        return out;
    }

    /** One or two residual sums folded modulo the same period. */
    record Folded(double[] inPhase, double[] quadrature) {
        static Folded of(float[] sum, float[] quadrature, int width, int height, double px, double py, int bins) {
            return new Folded(fold(sum, width, height, px, py, bins),
                    quadrature == null ? null : fold(quadrature, width, height, px, py, bins));
        }

        /** Folded along axes turned by {@code tilt} radians. */
        static Folded of(float[] sum, float[] quadrature, int width, int height, double px, double py, double tilt, int bins) {
            return tilt == 0 ? of(sum, quadrature, width, height, px, py, bins)
                    : foldTilted(sum, quadrature, width, height, px, py, tilt, bins);
        }

        static Folded of(double[] folded) {
            return new Folded(folded, null);
        }
    }

    /** The soft values with every sign flipped (the other carrier sign). */
    static double[] negated(double[] soft) {
        double[] out = new double[soft.length];
        for (int i = 0; i < soft.length; i++) {
            out[i] = -soft[i];
        }
        return out;
    }

    /** The best {@link #SCALE_CANDIDATES} distinct periods away from the nominal one, refined. */
    static List<Candidate> searchScales(float[] residual, float[] quadrature, int width, int height, TilePattern tile) {
        // the nominal period is read separately
        List<Candidate> coarse = searchedPeriods(width, height).parallelStream().filter(p -> p != BINS)
                .map(p -> best(Folded.of(residual, quadrature, width, height, p, p, COARSE_BINS), p, p, tile, COARSE_BINS))
                .sorted(Comparator.comparingDouble(Candidate::score).reversed())
                .toList();
        List<Candidate> picked = new ArrayList<>();
        for (Candidate c : coarse) {
            if (picked.stream().noneMatch(o -> Math.abs(o.periodX() - c.periodX()) <= 2)) {
                picked.add(c);
                if (picked.size() == SCALE_CANDIDATES) {
                    break;
                }
            }
        }
        return picked.parallelStream().map(c -> refine(residual, quadrature, width, height, c.periodX(), tile)).toList();
    }

    /** The whole-pixel periods the scale and tilt searches try on a sum of this size (0.7x to 1.35x the nominal one). */
    static List<Integer> searchedPeriods(int width, int height) {
        List<Integer> periods = new ArrayList<>();
        for (int p = (int) Math.floor(BINS * MIN_SCALE); p <= (int) Math.ceil(BINS * MAX_SCALE); p++) {
            if (p <= Math.min(width, height) - 8) {
                periods.add(p);
            }
        }
        return periods;
    }

    /** The best period and shift within +-0.5 pixel of period p, at full bin resolution. */
    private static Candidate refine(float[] residual, float[] quadrature, int width, int height, double p, TilePattern tile) {
        Candidate best = null;
        for (double d = -0.5; d <= 0.5; d += 0.25) {
            Candidate c = best(Folded.of(residual, quadrature, width, height, p + d, p + d, BINS), p + d, p + d, tile, BINS);
            if (best == null || c.score() > best.score()) {
                best = c;
            }
        }
        return best;
    }

    /** Mean residual per bin of one tile period ({@code bins} x {@code bins} bins). */
    static double[] fold(float[] r, int width, int height, double px, double py, int bins) {
        double[] sum = new double[bins * bins];
        int[] count = new int[bins * bins];
        int[] bx = new int[width];
        for (int x = 0; x < width; x++) {
            bx[x] = Math.floorMod((int) Math.floor((x + 0.5) / px * bins), bins);
        }
        for (int y = 0; y < height; y++) {
            int by = Math.floorMod((int) Math.floor((y + 0.5) / py * bins), bins) * bins;
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

    /**
     * As {@link #fold(float[], int, int, double, double, int)}, for one or two sums at once, along
     * axes turned by {@code tilt} radians about the picture's origin: pixel (x, y) falls in the bin
     * of tile coordinates (x cos + y sin, -x sin + y cos) / period. (Turning about another point
     * only shifts the tile.) {@code bins} is a power of two.
     */
    static Folded foldTilted(float[] r, float[] q, int width, int height, double px, double py, double tilt, int bins) {
        double[] sum = new double[bins * bins];
        double[] sumQ = q == null ? null : new double[bins * bins];
        int[] count = new int[bins * bins];
        double ux = Math.cos(tilt) / px * bins;
        double uy = Math.sin(tilt) / px * bins;
        double vx = -Math.sin(tilt) / py * bins;
        double vy = Math.cos(tilt) / py * bins;
        // a whole number of periods added keeps coordinates positive, so a cast and a mask floor and wrap them
        double offset = bins * Math.ceil((Math.abs(ux) + Math.abs(vx)) * width + (Math.abs(uy) + Math.abs(vy)) * height + 1);
        int mask = bins - 1;
        for (int y = 0; y < height; y++) {
            double u0 = offset + (y + 0.5) * uy;
            double v0 = offset + (y + 0.5) * vy;
            int row = y * width;
            for (int x = 0; x < width; x++) {
                float value = r[row + x];
                if (value != 0) {
                    int i = (((int) (v0 + (x + 0.5) * vx)) & mask) * bins + (((int) (u0 + (x + 0.5) * ux)) & mask);
                    sum[i] += value;
                    if (sumQ != null) {
                        sumQ[i] += q[row + x];
                    }
                    count[i]++;
                }
            }
        }
        for (int i = 0; i < sum.length; i++) {
            if (count[i] > 0) {
                sum[i] /= count[i];
                if (sumQ != null) {
                    sumQ[i] /= count[i];
                }
            }
        }
        return new Folded(sum, sumQ);
    }

    /** Folds at the nominal resolution of {@link #BINS} bins. */
    static double[] fold(float[] r, int width, int height, double px, double py) {
        return fold(r, width, height, px, py, BINS);
    }

    /**
     * The cyclic shift whose per-bit sums carry the most energy (over both sums, if two); its score
     * is how many standard deviations that energy stands above the energies of all shifts.
     */
    static Candidate best(Folded folded, double px, double py, TilePattern tile, int bins) {
        double[] box = cellSums(folded.inPhase(), bins);
        double[] boxQ = folded.quadrature() == null ? null : cellSums(folded.quadrature(), bins);
        double[] box2 = repeated(box, bins);
        double[] box2Q = boxQ == null ? null : repeated(boxQ, bins);
        int w2 = 2 * bins;
        // chips grouped by coded bit: offset in box2 and sign
        int perCell = bins / TilePattern.SIDE;
        int n = PayloadCodec.CODED_BITS;
        int[] start = new int[n + 1];
        for (int k = 0; k < TilePattern.CHIPS; k++) {
            start[tile.bitOf[k] + 1]++;
        }
        for (int b = 0; b < n; b++) {
            start[b + 1] += start[b];
        }
        int[] fill = start.clone();
        int[] offset = new int[TilePattern.CHIPS];
        double[] sign = new double[TilePattern.CHIPS];
        double[] signQ = new double[TilePattern.CHIPS];
        for (int k = 0; k < TilePattern.CHIPS; k++) {
            int j = fill[tile.bitOf[k]]++;
            offset[j] = perCell * (k / TilePattern.SIDE) * w2 + perCell * (k % TilePattern.SIDE);
            sign[j] = tile.sign[k];
            signQ[j] = tile.signQ[k];
        }
        double bestEnergy = -1;
        int bestX = 0;
        int bestY = 0;
        double total = 0;
        double totalSq = 0;
        for (int dy = 0; dy < bins; dy++) {
            for (int dx = 0; dx < bins; dx++) {
                int base = dy * w2 + dx;
                double e = box2Q == null ? energy(box2, base, start, offset, sign)
                        : rotatingEnergy(box2, box2Q, base, start, offset, sign, signQ);
                total += e;
                totalSq += e * e;
                if (e > bestEnergy) {
                    bestEnergy = e;
                    bestX = dx;
                    bestY = dy;
                }
            }
        }
        int shifts = bins * bins;
        double mean = total / shifts;
        double sd = Math.sqrt(Math.max(1e-30, totalSq / shifts - mean * mean));
        int scale = BINS / bins;
        return new Candidate(px, py, bestX * scale, bestY * scale, soft(box, boxQ, tile, bestX, bestY, bins),
                (bestEnergy - mean) / sd);
    }

    /** The most energy {@link #best} finds within one bin of shift ({@code dx}, {@code dy}). */
    static double energyNear(Folded folded, TilePattern tile, int dx, int dy, int bins) {
        double[] box = cellSums(folded.inPhase(), bins);
        double[] boxQ = folded.quadrature() == null ? null : cellSums(folded.quadrature(), bins);
        double most = 0;
        for (int y = dy - 1; y <= dy + 1; y++) {
            for (int x = dx - 1; x <= dx + 1; x++) {
                int sx = Math.floorMod(x, bins);
                int sy = Math.floorMod(y, bins);
                double e = 0;
                if (boxQ == null) {
                    double[] sums = new double[PayloadCodec.CODED_BITS];
                    readSums(box, tile.sign, tile, sx, sy, sums, bins);
                    for (double v : sums) {
                        e += v * v;
                    }
                } else {
                    for (boolean cosine : new boolean[] {true, false}) {
                        for (double v : rotating(box, boxQ, tile, sx, sy, bins, cosine)) {
                            e += v * v;
                        }
                    }
                }
                most = Math.max(most, e);
            }
        }
        return most;
    }

    /** Sum over coded bits of the squared sum of that bit's signed chips at one shift. */
    private static double energy(double[] box2, int base, int[] start, int[] offset, double[] sign) {
        double e = 0;
        for (int b = 0; b + 1 < start.length; b++) {
            double v = 0;
            for (int j = start[b]; j < start[b + 1]; j++) {
                v += sign[j] * box2[base + offset[j]];
            }
            e += v * v;
        }
        return e;
    }

    /**
     * Energy of the rotating mark at one shift: per bit, the two combinations of the in-phase (I)
     * and quadrature (Q) sums read with patterns P and Q in which a mark rotating forwards at any
     * phase lies (a = P(I) + Q(Q), b = Q(I) - P(Q); see {@link #soft}).
     */
    private static double rotatingEnergy(double[] i2, double[] q2, int base, int[] start, int[] offset,
                                         double[] sign, double[] signQ) {
        double e = 0;
        for (int b = 0; b + 1 < start.length; b++) {
            double va = 0;
            double vb = 0;
            for (int j = start[b]; j < start[b + 1]; j++) {
                double vi = i2[base + offset[j]];
                double vq = q2[base + offset[j]];
                va += sign[j] * vi + signQ[j] * vq;
                vb += signQ[j] * vi - sign[j] * vq;
            }
            e += va * va + vb * vb;
        }
        return e;
    }

    /** The box repeated 2x2, so every chip of every shift is read without wrapping indices. */
    private static double[] repeated(double[] box, int bins) {
        int w2 = 2 * bins;
        double[] box2 = new double[w2 * w2];
        for (int y = 0; y < w2; y++) {
            System.arraycopy(box, (y % bins) * bins, box2, y * w2, bins);
            System.arraycopy(box, (y % bins) * bins, box2, y * w2 + bins, bins);
        }
        return box2;
    }

    /**
     * Normalised soft values at one shift. A single sum (a still) is read with pattern P. With a
     * quadrature sum (a video, carrier phase unknown): the mark shown at suspect time t is
     * cos(wt + phi) P + sin(wt + phi) Q, so per bit a = P(I) + Q(Q) and b = Q(I) - P(Q) are
     * proportional to (cos phi, sin phi) times the bit (the P/Q cross-talk cancels in both); the
     * soft values are read along the principal axis of the 2x2 scatter of (a, b) over the bits,
     * so their sign is known only up to the carrier's: callers decode both.
     */
    private static double[] soft(double[] box, double[] boxQ, TilePattern tile, int dx, int dy, int bins) {
        if (boxQ == null) {
            double[] sums = new double[PayloadCodec.CODED_BITS];
            readSums(box, tile.sign, tile, dx, dy, sums, bins);
            return normalise(sums);
        }
        double[] a = rotating(box, boxQ, tile, dx, dy, bins, true);
        double[] b = rotating(box, boxQ, tile, dx, dy, bins, false);
        return principalAxis(a, b);
    }

    /** a = P(I) + Q(Q) when {@code cosine}, else b = Q(I) - P(Q), unnormalised. */
    private static double[] rotating(double[] box, double[] boxQ, TilePattern tile, int dx, int dy, int bins, boolean cosine) {
        double[] first = new double[PayloadCodec.CODED_BITS];
        double[] second = new double[PayloadCodec.CODED_BITS];
        if (cosine) {
            readSums(box, tile.sign, tile, dx, dy, first, bins);
            readSums(boxQ, tile.signQ, tile, dx, dy, second, bins);
        } else {
            readSums(box, tile.signQ, tile, dx, dy, first, bins);
            readSums(boxQ, tile.sign, tile, dx, dy, second, bins);
            for (int i = 0; i < second.length; i++) {
                second[i] = -second[i];
            }
        }
        for (int i = 0; i < first.length; i++) {
            first[i] += second[i];
        }
        return first;
    }

    /** Projection of the per-bit vectors (a, b) on the direction with the most energy, normalised. */
    static double[] principalAxis(double[] a, double[] b) {
        double aa = 0;
        double ab = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            aa += a[i] * a[i];
            ab += a[i] * b[i];
            bb += b[i] * b[i];
        }
        double angle = 0.5 * Math.atan2(2 * ab, aa - bb);
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = c * a[i] + s * b[i];
        }
        return normalise(out);
    }

    /**
     * Informed reading of a video at a known shift, in the original's time: the carrier's phase is
     * known, so the soft values are a = P(I) + Q(Q) with their sign.
     */
    static double[] readKnownPhase(Folded folded, TilePattern tile, int dx, int dy) {
        return normalise(rotating(cellSums(folded.inPhase(), BINS), cellSums(folded.quadrature(), BINS), tile, dx, dy, BINS, true));
    }

    /**
     * Informed reading of a plain (unweighted) sum: a mark an encoder froze at one key frame is
     * static at an unknown angle, cos(phi) P + sin(phi) Q, so the soft values are read along the
     * principal axis of (P(S), Q(S)); callers decode both signs.
     */
    static double[] readFrozen(double[] folded, TilePattern tile, int dx, int dy) {
        double[][] pq = rawSumsPQ(folded, tile, dx, dy);
        return principalAxis(pq[0], pq[1]);
    }

    /** The best shift at the nominal resolution (informed detection). */
    static Candidate best(double[] folded, double px, double py, TilePattern tile) {
        return best(Folded.of(folded), px, py, tile, BINS);
    }

    /** Soft values at a known shift (informed detection). */
    static double[] readAt(double[] folded, TilePattern tile, int dx, int dy) {
        return readAt(Folded.of(folded), tile, dx, dy);
    }

    /** Soft values at a known shift, along the strongest direction when there are two sums. */
    static double[] readAt(Folded folded, TilePattern tile, int dx, int dy) {
        return soft(cellSums(folded.inPhase(), BINS), folded.quadrature() == null ? null : cellSums(folded.quadrature(), BINS),
                tile, dx, dy, BINS);
    }

    /** Per-bit sums of patterns P and Q of one sum at a known shift, before normalisation. */
    static double[][] rawSumsPQ(double[] folded, TilePattern tile, int dx, int dy) {
        double[] box = cellSums(folded, BINS);
        double[][] sums = new double[2][PayloadCodec.CODED_BITS];
        readSums(box, tile.sign, tile, dx, dy, sums[0], BINS);
        readSums(box, tile.signQ, tile, dx, dy, sums[1], BINS);
        return sums;
    }

    /** Per-bit sums at a known shift, before normalisation (the embedder's interference control). */
    static double[] rawSums(double[] folded, TilePattern tile, int dx, int dy) {
        double[] box = cellSums(folded, BINS);
        double[] sums = new double[PayloadCodec.CODED_BITS];
        readSums(box, tile.sign, tile, dx, dy, sums, BINS);
        return sums;
    }

    /** Sum of one cell's worth of bins starting at every bin (cyclic). */
    private static double[] cellSums(double[] folded, int bins) {
        int perCell = bins / TilePattern.SIDE;
        double[] box = new double[bins * bins];
        for (int y = 0; y < bins; y++) {
            for (int x = 0; x < bins; x++) {
                double s = 0;
                for (int j = 0; j < perCell; j++) {
                    int row = ((y + j) % bins) * bins;
                    for (int i = 0; i < perCell; i++) {
                        s += folded[row + (x + i) % bins];
                    }
                }
                box[y * bins + x] = s;
            }
        }
        return box;
    }

    private static void readSums(double[] box, int[] signs, TilePattern tile, int dx, int dy, double[] sums, int bins) {
        int perCell = bins / TilePattern.SIDE;
        for (int v = 0; v < TilePattern.SIDE; v++) {
            int row = ((perCell * v + dy) % bins) * bins;
            int k = v * TilePattern.SIDE;
            for (int u = 0; u < TilePattern.SIDE; u++, k++) {
                double val = box[row + (perCell * u + dx) % bins];
                // chip = sign * (2c - 1): positive soft value means coded bit 1
                sums[tile.bitOf[k]] += signs[k] * val;
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
}
