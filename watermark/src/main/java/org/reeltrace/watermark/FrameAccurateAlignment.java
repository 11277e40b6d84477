package org.reeltrace.watermark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligns a suspect with its original to the picture, in time and space. The fingerprint offset
 * is good to a few tenths of a second, but informed detection subtracts the original picture,
 * and two pictures apart the moving content leaves a residual that drowns the mark (measured on
 * the demo's 270-line CRF 28 excerpt: correlation 0.95 at the right offset, 0.83 two pictures off,
 * 0.32 at the fingerprint's 0.42 s error). Time and space must be searched jointly: for content
 * that moves steadily a shifted crop window at the wrong time matches almost as well as the right
 * window at the right time, so a registration made at the coarse offset confirms that offset.
 * Hence: candidate offsets every {@link #CANDIDATE_STEP} s within {@link #SEARCH_SECONDS} of the
 * coarse one are screened with the registration's coarse stage; the best is registered fully,
 * then the offset is searched picture by picture near it and space and time are refined in turn.
 */
final class FrameAccurateAlignment {
    /** Suspect pictures sampled for registration and the time search. */
    static final int SAMPLES = 6;
    /** Of those, the pictures the candidate screening registers (the coarse stage costs). */
    private static final int SCREENING_SAMPLES = 3;
    /** Pixel stride of the screening's scores (the full registration's coarse stage uses 8). */
    private static final int SCREENING_STRIDE = 16;
    /** Half-width of the screened range: more than the fingerprint's worst offset error. */
    static final double SEARCH_SECONDS = 1.0;
    /** Candidate spacing: three pictures at 25 per second, within reach of the fine search. */
    private static final double CANDIDATE_STEP = 0.12;
    /** Half-width of the picture-by-picture search around the screened offset. */
    private static final double FINE_SECONDS = 0.2;
    private static final int ROUNDS = 3;
    /** Score penalty per second of offset change: flat content keeps the offset it started from. */
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
        double screened = screen(sus, reference, coarseOffset);
        double offset = screened;
        SpatialRegistration.Mapping map = register(sus, reference, offset, suspect);
        for (int round = 0; round < ROUNDS; round++) {
            double better = searchTime(sus, reference, map, screened, FINE_SECONDS);
            if (Math.abs(better - offset) < 1e-3) {
                break;
            }
            offset = better;
            map = register(sus, reference, offset, suspect);
        }
        return new Result(offset, map);
    }

    /**
     * The candidate offset whose pictures the registration's coarse stage fits best. One forward pass
     * over the original collects the picture nearest every (screening sample, candidate) time.
     */
    private static double screen(Samples sus, Path reference, double coarse) throws WatermarkException {
        int steps = (int) Math.round(SEARCH_SECONDS / CANDIDATE_STEP);
        int candidates = 2 * steps + 1;
        List<Integer> chosen = new ArrayList<>();
        int n = sus.pictures().size();
        for (int k = 0; k < Math.min(SCREENING_SAMPLES, n); k++) {
            chosen.add((int) ((k + 0.5) * n / Math.min(SCREENING_SAMPLES, n)));
        }
        // targets in time order: {time, sample slot, candidate}
        List<double[]> targets = new ArrayList<>();
        for (int slot = 0; slot < chosen.size(); slot++) {
            for (int j = 0; j < candidates; j++) {
                targets.add(new double[] {sus.times().get(chosen.get(slot)) + coarse + (j - steps) * CANDIDATE_STEP, slot, j});
            }
        }
        targets.removeIf(t -> t[0] < 0);
        targets.sort((x, y) -> Double.compare(x[0], y[0]));
        float[][][] ref = new float[candidates][chosen.size()][];
        int rw;
        int rh;
        try (WorkingClip r = WorkingClip.open(reference)) {
            rw = r.width;
            rh = r.height;
            float[][] pictures = r.picturesNear(targets.stream().mapToDouble(t -> t[0]).toArray());
            for (int k = 0; k < targets.size(); k++) {
                ref[(int) targets.get(k)[2]][(int) targets.get(k)[1]] = pictures[k];
            }
        }
        double best = Double.NEGATIVE_INFINITY;
        double arg = coarse;
        for (int j = 0; j < candidates; j++) {
            List<float[]> s = new ArrayList<>();
            List<float[]> q = new ArrayList<>();
            for (int slot = 0; slot < chosen.size(); slot++) {
                if (ref[j][slot] != null) {
                    s.add(sus.pictures().get(chosen.get(slot)));
                    q.add(ref[j][slot]);
                }
            }
            if (s.isEmpty()) {
                continue;
            }
            double offset = coarse + (j - steps) * CANDIDATE_STEP;
            double score = SpatialRegistration.coarse(s, sus.width(), sus.height(), q, rw, rh, SCREENING_STRIDE).score()
                    * s.size() / chosen.size() - DRIFT_PENALTY * Math.abs(offset - coarse);
            if (score > best) {
                best = score;
                arg = offset;
            }
        }
        return arg;
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
            float[][] pictures = r.picturesNear(sus.times().stream().mapToDouble(t -> t + offset).toArray());
            for (int i = 0; i < pictures.length; i++) {
                if (pictures[i] != null) {
                    ref.add(pictures[i]);
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
        double[] p = m.params();
        int[] box = {m.x0(), m.y0(), m.x1(), m.y1()};
        double lastWanted = sus.times().get(n - 1) + offset + window;
        try (WorkingClip r = WorkingClip.open(reference)) {
            r.seekNear(sus.times().get(0) + offset - window - 1);
            float[] rp;
            while ((rp = r.next()) != null && r.time() <= lastWanted) {
                double ahead = nextWindowStart(sus, offset, window, r.time());
                if (Double.isInfinite(ahead)) {
                    break;
                }
                if (ahead - r.time() > WorkingClip.SEEK_GAP) {
                    r.seekNear(ahead - 1);
                    continue;
                }
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

    /** Where the first sample window that has not ended yet at {@code now} starts (now if inside one). */
    private static double nextWindowStart(Samples sus, double offset, double window, double now) {
        double next = Double.POSITIVE_INFINITY;
        for (double t : sus.times()) {
            double start = t + offset - window;
            if (now <= t + offset + window) {
                next = Math.min(next, Math.max(start, now));
            }
        }
        return next;
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
