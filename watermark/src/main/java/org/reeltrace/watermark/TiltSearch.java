package org.reeltrace.watermark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds the tile in a leak that was filmed, scanned or edited at a tilt. Folding along the wrong
 * axes smears the tile: at 2 degrees the picture's edges are a cell off, and the untilted search
 * (which reads up to about 1 degree) finds nothing. Scoring every tilt with {@link TileSync}'s
 * shift search would cost as much as that whole search per angle, so lattices are ranked by a
 * score that needs no shift: the (high-passed) energy of the folded sums. Along the tile's own
 * axes and period the mark adds up in every bin whatever the shift, along any other lattice it
 * averages out, and the content's share is about the same for every tilt at one period (each bin
 * holds the same number of pixels). The best few lattices go through the shift search with the
 * key; the best two of those are refined and read. The shift search would read 1 degree either
 * side of a step, so steps of 1 degree leave no gap; the search goes to 8 degrees either way.
 */
final class TiltSearch {
    /** Tilts tried either way, in degrees; below the first step the untilted search reads the mark. */
    static final double MAX_TILT_DEGREES = 8;
    static final double STEP_DEGREES = 1;
    /** Lattices of most energy whose shift search is run with the key. */
    static final int SHORTLIST = 8;
    /** Lattices read (each adds its readings to the hypotheses counted). */
    static final int CANDIDATES = 2;
    private static final int COARSE_BINS = TileSync.BINS / 2;
    private static final int HIGH_PASS_RADIUS = 2;

    private TiltSearch() {
    }

    /** A tilt and period, and a score: energy, or how far the best shift stands out. */
    private record Lattice(double tilt, double period, double energy) {
    }

    /**
     * The best {@link #CANDIDATES} tilted lattices (never the untilted one), refined and read: the
     * {@link #SHORTLIST} of most energy, then those whose best shift stands out most for this key
     * (a picture with a regular texture of its own has energy at its own lattice, never the key's
     * chips).
     */
    static List<TileSync.Candidate> candidates(float[] sum, float[] quadrature, int width, int height, TilePattern tile) {
        List<Lattice> grid = new ArrayList<>();
        int steps = (int) Math.round(MAX_TILT_DEGREES / STEP_DEGREES);
        List<Integer> periods = TileSync.searchedPeriods(width, height);
        for (int k = -steps; k <= steps; k++) {
            for (int p : periods) {
                if (k != 0) {
                    grid.add(new Lattice(Math.toRadians(k * STEP_DEGREES), p, 0));
                }
            }
        }
        List<Lattice> measured = grid.parallelStream()
                .map(l -> new Lattice(l.tilt(), l.period(), energy(sum, quadrature, width, height, l.period(), l.tilt(), COARSE_BINS)))
                .toList();
        // The content's share grows with the period (a bin of a larger tile averages a larger, more
        // correlated patch): each lattice is scored against the median over the tilts at its period,
        // nearly all of which are wrong.
        Map<Double, Double> baseline = measured.stream().collect(Collectors.groupingBy(Lattice::period,
                Collectors.collectingAndThen(Collectors.toList(), TiltSearch::median)));
        List<Lattice> byEnergy = measured.stream()
                .map(l -> new Lattice(l.tilt(), l.period(), l.energy() / baseline.get(l.period())))
                .sorted(Comparator.comparingDouble(Lattice::energy).reversed())
                .toList();
        List<Lattice> shortlist = new ArrayList<>();
        for (Lattice l : byEnergy) {
            if (shortlist.stream().noneMatch(o -> Math.abs(o.tilt() - l.tilt()) <= Math.toRadians(1.5 * STEP_DEGREES)
                    && Math.abs(o.period() - l.period()) <= 3)) {
                shortlist.add(l);
                if (shortlist.size() == SHORTLIST) {
                    break;
                }
            }
        }
        return shortlist.parallelStream()
                .map(l -> new Lattice(l.tilt(), l.period(), TileSync.best(TileSync.Folded.of(sum, quadrature, width, height,
                        l.period(), l.period(), l.tilt(), COARSE_BINS), l.period(), l.period(), tile, COARSE_BINS).score()))
                .sorted(Comparator.comparingDouble(Lattice::energy).reversed())
                .limit(CANDIDATES)
                .map(l -> read(sum, quadrature, width, height, refine(sum, quadrature, width, height, l, tile), tile))
                .toList();
    }

    /**
     * The lattice within half a degree and a pixel of period of {@code around} whose chips carry the
     * most energy for this key. Where the tile's origin falls does not depend on tilt or period (both
     * turn and scale about the picture's origin), so the shift is searched once and the fine grid is
     * scored near that shift only; period, tilt and period again, in steps of 1/8 pixel and 1/8 degree.
     */
    private static Lattice refine(float[] sum, float[] quadrature, int width, int height, Lattice around, TilePattern tile) {
        int bins = TileSync.BINS;
        TileSync.Candidate start = TileSync.best(TileSync.Folded.of(sum, quadrature, width, height, around.period(), around.period(),
                around.tilt(), bins), around.period(), around.period(), tile, bins);
        Lattice best = new Lattice(around.tilt(), around.period(), -1);
        double tiltStep = Math.toRadians(STEP_DEGREES) / 8;
        for (int pass = 0; pass < 3; pass++) {
            boolean tilting = pass == 1;
            Lattice centre = best;
            for (int k = tilting ? -4 : -8; k <= (tilting ? 4 : 8); k++) {
                double tilt = centre.tilt() + (tilting ? k * tiltStep : 0);
                double period = centre.period() + (tilting ? 0 : k * 0.125);
                TileSync.Folded folded = TileSync.Folded.of(sum, quadrature, width, height, period, period, tilt, bins);
                double e = TileSync.energyNear(folded, tile, start.shiftX(), start.shiftY(), bins);
                if (e > best.energy()) {
                    best = new Lattice(tilt, period, e);
                }
            }
        }
        return best;
    }

    private static TileSync.Candidate read(float[] sum, float[] quadrature, int width, int height, Lattice l, TilePattern tile) {
        TileSync.Folded folded = TileSync.Folded.of(sum, quadrature, width, height, l.period(), l.period(), l.tilt(), TileSync.BINS);
        return TileSync.best(folded, l.period(), l.period(), tile, TileSync.BINS).tilted(l.tilt());
    }

    private static double median(List<Lattice> lattices) {
        double[] e = lattices.stream().mapToDouble(Lattice::energy).sorted().toArray();
        return e.length % 2 == 1 ? e[e.length / 2] : (e[e.length / 2 - 1] + e[e.length / 2]) / 2;
    }

    /** {@link #highPassEnergy} of the folded sums, over both sums when there are two. */
    static double energy(float[] sum, float[] quadrature, int width, int height, double period, double tilt, int bins) {
        TileSync.Folded f = TileSync.Folded.of(sum, quadrature, width, height, period, period, tilt, bins);
        double e = highPassEnergy(f.inPhase(), bins);
        return f.quadrature() == null ? e : e + highPassEnergy(f.quadrature(), bins);
    }

    /**
     * Sum of squares of the folded bins after each bin's 5x5 (cyclic) neighbourhood mean is taken
     * away. The mark's chips change from cell to cell (every 2 bins); what a picture's own
     * structure leaves in a fold is mostly smoother, and without this a tilted copy's lattice ranked
     * 54th-91st on a synthetic clip with regular shapes, with it first.
     */
    static double highPassEnergy(double[] b, int bins) {
        double[] rows = new double[b.length];
        for (int y = 0; y < bins; y++) {
            for (int x = 0; x < bins; x++) {
                double m = 0;
                for (int i = -HIGH_PASS_RADIUS; i <= HIGH_PASS_RADIUS; i++) {
                    m += b[y * bins + ((x + i) & (bins - 1))];
                }
                rows[y * bins + x] = m;
            }
        }
        int n = (2 * HIGH_PASS_RADIUS + 1) * (2 * HIGH_PASS_RADIUS + 1);
        double e = 0;
        for (int y = 0; y < bins; y++) {
            for (int x = 0; x < bins; x++) {
                double m = 0;
                for (int j = -HIGH_PASS_RADIUS; j <= HIGH_PASS_RADIUS; j++) {
                    m += rows[((y + j) & (bins - 1)) * bins + x];
                }
                double v = b[y * bins + x] - m / n;
                e += v * v;
            }
        }
        return e;
    }
}
