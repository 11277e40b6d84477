package org.reeltrace.watermark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligns a suspect with its original to the picture, in time and space. The fingerprint offset
 * is good to a few tenths of a second, but informed detection subtracts the original picture,
 * and two pictures apart the moving content leaves a residual that drowns the mark (measured on
 * the demo's 270-line CRF 28 excerpt: correlation 0.95 at the right offset, 0.83 two pictures off,
 * 0.32 at the fingerprint's 0.42 s error). So the offset is searched picture by picture within
 * {@link #SEARCH_SECONDS} of the coarse one, scoring how well sampled suspect pictures match the
 * original's under the spatial registration, and space and time are refined in turn. Each round
 * decodes the original up to the suspect's end twice; long originals pay for it (no seeking yet).
 */
final class FrameAccurateAlignment {
    /** Suspect pictures sampled for registration and the time search. */
    static final int SAMPLES = 6;
    /**
     * Half-width of the time search around the coarse offset; more than the fingerprint's worst
     * offset error. Every round searches the whole window again with the better spatial mapping:
     * narrowing it let a mapping fitted to a wrong picture confirm itself (two pictures off).
     */
    static final double SEARCH_SECONDS = 1.0;
    private static final int ROUNDS = 3;
    /** Score penalty per second away from the coarse offset: flat content keeps the coarse offset. */
    private static final double DRIFT_PENALTY = 1e-4;

    private FrameAccurateAlignment() {
    }

    /** Offset (refTime = suspectTime + offset) and the spatial mapping at that offset. */
    record Result(double offset, SpatialRegistration.Mapping map) {
    }

    private record Samples(List<float[]> pictures, List<Double> times, int width, int height) {
    }

    static Result align(Path suspect, Path reference, double coarseOffset) throws WatermarkException {
        Samples sus = sample(suspect);
        double offset = coarseOffset;
        SpatialRegistration.Mapping map = register(sus, reference, offset, suspect);
        for (int round = 0; round < ROUNDS; round++) {
            double better = searchTime(sus, reference, map, coarseOffset, SEARCH_SECONDS);
            if (Math.abs(better - offset) < 1e-3) {
                break;
            }
            offset = better;
            map = register(sus, reference, offset, suspect);
        }
        return new Result(offset, map);
    }

    /** Picks {@link #SAMPLES} pictures spread over the suspect. */
    private static Samples sample(Path suspect) throws WatermarkException {
        List<float[]> pictures = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        try (WorkingClip s = WorkingClip.open(suspect)) {
            double dur = s.duration > 0 ? s.duration : 10;
            int next = 0;
            float[] p;
            while ((p = s.next()) != null && next < SAMPLES) {
                double want = dur * (next + 0.5) / SAMPLES;
                if (s.time() >= want) {
                    pictures.add(p.clone());
                    times.add(s.time());
                    next++;
                }
            }
            return new Samples(pictures, times, s.width, s.height);
        }
    }

    /** Registers the samples against the original's pictures at {@code offset}. */
    private static SpatialRegistration.Mapping register(Samples sus, Path reference, double offset, Path suspect)
            throws WatermarkException {
        List<float[]> ref = new ArrayList<>();
        List<float[]> kept = new ArrayList<>();
        int rw;
        int rh;
        try (WorkingClip r = WorkingClip.open(reference)) {
            rw = r.width;
            rh = r.height;
            for (int i = 0; i < sus.pictures().size(); i++) {
                float[] rp = r.at(sus.times().get(i) + offset, null);
                if (rp != null) {
                    ref.add(rp.clone());
                    kept.add(sus.pictures().get(i));
                }
            }
        }
        if (ref.isEmpty()) {
            throw new WatermarkException(WatermarkException.Kind.INVALID_INPUT,
                    "\"" + suspect + "\" does not overlap \"" + reference + "\" in time", "is --reference the right original?", null);
        }
        return SpatialRegistration.register(kept, sus.width(), sus.height(), ref, rw, rh);
    }

    /**
     * One pass over the original: every picture within {@code window} of a sample's predicted time
     * is scored against that sample; the offset whose nearest pictures score best in total wins.
     */
    private static double searchTime(Samples sus, Path reference, SpatialRegistration.Mapping m, double offset, double window)
            throws WatermarkException {
        int n = sus.pictures().size();
        List<List<double[]>> scored = new ArrayList<>(); // per sample: {offset, score}
        for (int i = 0; i < n; i++) {
            scored.add(new ArrayList<>());
        }
        double[] p = {m.ax(), m.bx(), m.ay(), m.by()};
        int[] box = {m.x0(), m.y0(), m.x1(), m.y1()};
        double lastWanted = sus.times().get(n - 1) + offset + window;
        try (WorkingClip r = WorkingClip.open(reference)) {
            float[] rp;
            while ((rp = r.next()) != null && r.time() <= lastWanted) {
                for (int i = 0; i < n; i++) {
                    double d = r.time() - sus.times().get(i);
                    if (Math.abs(d - offset) <= window) {
                        double s = SpatialRegistration.score(p, List.of(sus.pictures().get(i)), sus.width(),
                                List.of(rp), r.width, r.height, box, 2);
                        scored.get(i).add(new double[] {d, s});
                    }
                }
            }
        }
        return bestOffset(scored, offset);
    }

    /**
     * The candidate offset (every scored one) maximising the summed score of each sample's nearest
     * scored picture, as {@link WorkingClip#at} would pick it; samples with nothing near count zero.
     */
    static double bestOffset(List<List<double[]>> scored, double coarse) {
        double best = Double.NEGATIVE_INFINITY;
        double arg = coarse;
        for (List<double[]> candidates : scored) {
            for (double[] c : candidates) {
                double d = c[0];
                double total = 0;
                for (List<double[]> sample : scored) {
                    double[] nearest = null;
                    for (double[] e : sample) {
                        if (nearest == null || Math.abs(e[0] - d) < Math.abs(nearest[0] - d)) {
                            nearest = e;
                        }
                    }
                    if (nearest != null && Math.abs(nearest[0] - d) < 0.1 && Double.isFinite(nearest[1])) {
                        total += nearest[1];
                    }
                }
                total -= DRIFT_PENALTY * Math.abs(d - coarse);
                if (total > best) {
                    best = total;
                    arg = d;
                }
            }
        }
        return arg;
    }
}
