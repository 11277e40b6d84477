package org.reeltrace.fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Temporal alignment of two frame-hash tracks. Close frame pairs vote for an alignment line
 * {@code refTime = speed * queryTime + offset} (a Hough transform over offset and speeds
 * 0.95..1.05); the best line is walked frame by frame to grow segments that tolerate gaps; the
 * frames it explains are removed and the next line is looked for (several works or excerpts
 * in one query). Ordered evidence along a line is what an unordered bag of frames lacks.
 */
final class VideoAligner {
    static final double[] SPEEDS = {1.0, 0.99, 1.01, 0.98, 1.02, 0.97, 1.03, 0.96, 1.04, 0.95, 1.05};
    private static final double BIN = 0.25;
    private static final int NEAREST = 6;
    private static final double MAX_GAP = 3.0;
    private static final int MAX_LINES = 12;
    private static final double MIN_VOTES = 2.5;
    /** settling a line on a still shot: frames compared for the change pattern, shifts tried, weights (bits) */
    private static final int CHANGE_WINDOW = 8;
    private static final int SETTLE_FRAMES = 8;
    private static final double CHANGE_WEIGHT = 2.0;
    private static final double SETTLE_MARGIN = 2.0;
    private static final double SETTLE_TIE = 1.0;

    private final VideoTrack q;
    private final VideoTrack r;
    private final FrameEvidence mode;
    private final double queryLength;
    private final int bins;
    private final boolean[] used;
    /** close frame pairs: query frame, reference frame, hash distance */
    private final IntTriples pairs = new IntTriples(256);
    private static final int QUERY_FRAME = 0;
    private static final int REFERENCE_FRAME = 1;
    private static final int DISTANCE = 2;
    /** reference frame of the last {@link #distanceOnLine} answer */
    private int lastRefFrame;

    private VideoAligner(VideoTrack q, VideoTrack r, FrameEvidence mode) {
        this.q = q;
        this.r = r;
        this.mode = mode;
        this.queryLength = q.count * q.gridStep;
        this.bins = (int) Math.ceil((queryLength * SPEEDS[SPEEDS.length - 1] + r.count * r.gridStep) / BIN) + 3;
        this.used = new boolean[q.count];
    }

    /** Number of alignment lines tested for one mode: the multiple-testing factor of a match. */
    static double lines(VideoTrack q, VideoTrack r) {
        return SPEEDS.length * ((q.count * q.gridStep * 1.05 + r.count * r.gridStep) / BIN + 3);
    }

    static List<ScoredSegment> align(VideoTrack q, VideoTrack r, FrameEvidence mode) {
        VideoAligner a = new VideoAligner(q, r, mode);
        a.collectPairs();
        return a.extract();
    }

    private void collectPairs() {
        int[] bestD = new int[NEAREST];
        int[] bestJ = new int[NEAREST];
        int[] drops = mode.referenceDrops(r);
        for (int i = 0; i < q.count; i++) {
            if (!mode.informative(q, i)) {
                continue;
            }
            int kept = 0;
            // lower bound on the distance at frame j from the last one computed: neighbouring frames
            // of a shot are alike, so a query frame far from one is far from the next few too (exact:
            // only frames that cannot be candidates are skipped)
            int lower = 0;
            for (int j = 0; j < r.count; j++) {
                if (lower > NullModel.CANDIDATE_DISTANCE) {
                    lower -= drops[j];
                    continue;
                }
                int d = mode.distance(q, i, r, j);
                lower = d >= 0 ? d - drops[j] : mode.hashed(r, j) ? 0 : lower - drops[j];
                if (d < 0 || d > NullModel.CANDIDATE_DISTANCE) {
                    continue;
                }
                if (kept < NEAREST) {
                    bestD[kept] = d;
                    bestJ[kept] = j;
                    kept++;
                } else {
                    int worst = 0;
                    for (int k = 1; k < NEAREST; k++) {
                        if (bestD[k] > bestD[worst]) {
                            worst = k;
                        }
                    }
                    if (d < bestD[worst]) {
                        bestD[worst] = d;
                        bestJ[worst] = j;
                    }
                }
            }
            for (int k = 0; k < kept; k++) {
                pairs.add(i, bestJ[k], bestD[k]);
            }
        }
    }

    private record Line(double speed, double offset) {
        double refTime(double queryTime) {
            return speed * queryTime + offset;
        }
    }

    private List<ScoredSegment> extract() {
        List<ScoredSegment> found = new ArrayList<>();
        List<Line> rejected = new ArrayList<>();
        if (pairs.size() == 0) {
            return found;
        }
        float[][] votes = new float[SPEEDS.length][bins];
        int[][] lastVoter = new int[SPEEDS.length][bins];
        for (int round = 0; round < MAX_LINES; round++) {
            for (int s = 0; s < SPEEDS.length; s++) {
                Arrays.fill(votes[s], 0f);
                Arrays.fill(lastVoter[s], -1);
            }
            for (int p = 0; p < pairs.size(); p++) {
                int i = pairs.get(QUERY_FRAME, p);
                if (used[i]) {
                    continue;
                }
                double tq = i * q.gridStep;
                double tr = pairs.get(REFERENCE_FRAME, p) * r.gridStep;
                float w = 1f - pairs.get(DISTANCE, p) / (float) (NullModel.CANDIDATE_DISTANCE + 1);
                for (int s = 0; s < SPEEDS.length; s++) {
                    int b = bin(tr - SPEEDS[s] * tq);
                    if (lastVoter[s][b] != i) {
                        lastVoter[s][b] = i;
                        votes[s][b] += w;
                    }
                }
            }
            Line best = null;
            double bestScore = MIN_VOTES;
            for (int s = 0; s < SPEEDS.length; s++) {
                for (int b = 1; b < bins - 1; b++) {
                    double score = votes[s][b - 1] + votes[s][b] + votes[s][b + 1];
                    if (score > bestScore) {
                        Line line = new Line(SPEEDS[s], offsetOf(b));
                        if (!isRejected(line, rejected)) {
                            bestScore = score;
                            best = line;
                        }
                    }
                }
            }
            if (best == null) {
                break;
            }
            List<ScoredSegment> segments = refineAndWalk(best);
            if (segments.isEmpty()) {
                rejected.add(best);
                continue;
            }
            for (ScoredSegment seg : segments) {
                found.add(seg);
                int from = (int) Math.round(seg.segment().queryStart() / q.gridStep);
                int to = (int) Math.round(seg.segment().queryEnd() / q.gridStep);
                for (int i = Math.max(0, from); i < Math.min(q.count, to); i++) {
                    used[i] = true;
                }
            }
        }
        return found;
    }

    private int bin(double offset) {
        int b = (int) Math.floor((offset + queryLength * SPEEDS[SPEEDS.length - 1]) / BIN) + 1;
        return Math.max(0, Math.min(bins - 1, b));
    }

    private double offsetOf(int bin) {
        return (bin - 1 + 0.5) * BIN - queryLength * SPEEDS[SPEEDS.length - 1];
    }

    private boolean isRejected(Line line, List<Line> rejected) {
        double mid = queryLength / 2;
        for (Line x : rejected) {
            if (Math.abs(x.speed - line.speed) <= 0.021 && Math.abs(x.refTime(mid) - line.refTime(mid)) < 0.6) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tries the line, small shifts of it, and the other speeds pivoting on the middle of its hits;
     * keeps the line that explains most frames (a speed change drifts off the coarse line).
     */
    private List<ScoredSegment> refineAndWalk(Line coarse) {
        double pivot = medianHitTime(coarse);
        Line bestLine = coarse;
        int bestHits = -1;
        for (double speed : SPEEDS) {
            double offset = coarse.refTime(pivot) - speed * pivot;
            for (double shift : new double[] {0, -0.125, 0.125, -0.25, 0.25}) {
                Line line = new Line(speed, offset + shift);
                int hits = countHits(line);
                if (hits > bestHits) {
                    bestHits = hits;
                    bestLine = line;
                }
            }
        }
        Line settled = settleOnChange(bestLine);
        if (settled != bestLine) {
            List<ScoredSegment> segments = walk(settled);
            if (!segments.isEmpty()) {
                return segments;
            }
        }
        return walk(bestLine);
    }

    /**
     * On a nearly still shot every nearby offset looks alike frame by frame, and a global change of
     * the picture (contrast, tone curve) can make a wrong offset look slightly closer than the right
     * one. What still tells offsets apart is how the pictures change over time: along the right line
     * the query's frame-to-frame distances repeat the reference's. Shifts of up to
     * {@link #SETTLE_FRAMES} frames are scored by their frame distance plus {@link #CHANGE_WEIGHT}
     * times that change mismatch; a shift replaces the line only when it is clearly better, which
     * happens only when the frame distance alone is flat (on moving footage a shift costs far more
     * in frame distance than the change term can win back).
     */
    private Line settleOnChange(Line line) {
        if (mode != FrameEvidence.WHOLE && mode != FrameEvidence.CROPPED) {
            // the change pattern is the whole query picture's: a picture-in-picture background or an
            // overlay changes it too (their segments are timed by the whole picture's, SegmentMerger)
            return line;
        }
        List<Integer> frames = new ArrayList<>();
        for (int i = 0; i < q.count; i++) {
            if (!used[i] && q.quality(i) >= FrameEvidence.MIN_QUALITY) {
                int d = distanceOnLine(line, i);
                if (d >= 0 && d <= NullModel.CANDIDATE_DISTANCE) {
                    frames.add(i);
                }
            }
        }
        if (frames.size() < 2 * CHANGE_WINDOW) {
            return line;
        }
        // lines through the middle of the frames at every speed, shifted (a slightly wrong speed drifts off the right line)
        double pivot = (frames.get(0) + frames.get(frames.size() - 1)) / 2.0 * q.gridStep;
        List<Line> lines = new ArrayList<>();
        double[] costs = new double[SPEEDS.length * (2 * SETTLE_FRAMES + 1)];
        double lowest = Double.MAX_VALUE;
        for (double speed : SPEEDS) {
            for (int k = -SETTLE_FRAMES; k <= SETTLE_FRAMES; k++) {
                Line shifted = new Line(speed, line.refTime(pivot) - speed * pivot + k * r.gridStep);
                costs[lines.size()] = settleCost(shifted, frames);
                lowest = Math.min(lowest, costs[lines.size()]);
                lines.add(shifted);
            }
        }
        if (lowest >= settleCost(line, frames) - SETTLE_MARGIN) {
            return line;
        }
        // near-ties: on a still shot the speed is as loosely determined as the offset; copies mostly keep it
        Line best = null;
        for (int c = 0; c < lines.size(); c++) {
            Line l = lines.get(c);
            if (costs[c] <= lowest + SETTLE_TIE && (best == null || Math.abs(l.speed - 1) < Math.abs(best.speed - 1))) {
                best = l;
            }
        }
        return best;
    }

    /** Mean frame distance on the line plus {@link #CHANGE_WEIGHT} times the mean change mismatch (bits). */
    private double settleCost(Line line, List<Integer> frames) {
        double direct = 0;
        int directCount = 0;
        double change = 0;
        int changeCount = 0;
        for (int a = 0; a < frames.size(); a++) {
            int i = frames.get(a);
            int j = refFrame(line, i);
            if (j < 0) {
                continue;
            }
            int d = mode.distance(q, i, r, j);
            for (int n = j - 1; d < 0 && n <= j + 1; n += 2) { // the inner-80% hashes are on every other frame only
                d = n >= 0 && n < r.count ? mode.distance(q, i, r, n) : -1;
            }
            if (d >= 0) {
                direct += d;
                directCount++;
            }
            for (int b = a + 1; b < frames.size() && frames.get(b) - i <= CHANGE_WINDOW; b++) {
                int k = frames.get(b);
                int l = refFrame(line, k);
                if (l >= 0 && r.quality(j) >= FrameEvidence.MIN_QUALITY && r.quality(l) >= FrameEvidence.MIN_QUALITY) {
                    change += Math.abs(Hashes.distance(q.full, i, q.full, k) - Hashes.distance(r.full, j, r.full, l));
                    changeCount++;
                }
            }
        }
        if (directCount == 0 || changeCount == 0) {
            return Double.MAX_VALUE;
        }
        return direct / directCount + CHANGE_WEIGHT * change / changeCount;
    }

    /** The reference frame nearest to where the line puts query frame {@code i}, or -1 off the reference. */
    private int refFrame(Line line, int i) {
        int j = (int) Math.round(line.refTime(i * q.gridStep) / r.gridStep);
        return j >= 0 && j < r.count ? j : -1;
    }

    private double medianHitTime(Line line) {
        List<Integer> hits = new ArrayList<>();
        for (int i = 0; i < q.count; i++) {
            if (!used[i]) {
                int d = distanceOnLine(line, i);
                if (d >= 0 && d <= NullModel.MATCH_DISTANCE) {
                    hits.add(i);
                }
            }
        }
        return hits.isEmpty() ? queryLength / 2 : hits.get(hits.size() / 2) * q.gridStep;
    }

    private int countHits(Line line) {
        int hits = 0;
        for (int i = 0; i < q.count; i++) {
            if (!used[i]) {
                int d = distanceOnLine(line, i);
                if (d >= 0 && d <= NullModel.MATCH_DISTANCE) {
                    // closer hits weigh more: the true line runs through the nearest frames, a line of a
                    // slightly wrong speed or offset through neighbours that are merely similar
                    // (ties, as with identical frames, go to the line that hits the frame it points at)
                    double tr = line.refTime(i * q.gridStep);
                    hits += 4 * (NullModel.MATCH_DISTANCE + 1 - d) + (Math.abs(lastRefFrame * r.gridStep - tr) <= r.gridStep / 2 ? 3 : 0);
                }
            }
        }
        return hits;
    }

    /** -2: off the reference; -1: not informative; else the best distance in the +-1 frame window. */
    private int distanceOnLine(Line line, int i) {
        double tr = line.refTime(i * q.gridStep);
        int j0 = (int) Math.round(tr / r.gridStep);
        if (j0 < 0 || j0 >= r.count) {
            return -2;
        }
        int best = -1;
        for (int j = Math.max(0, j0 - 1); j <= Math.min(r.count - 1, j0 + 1); j++) {
            int d = mode.distance(q, i, r, j);
            if (d >= 0 && (best < 0 || d < best)) {
                best = d;
                lastRefFrame = j;
            }
        }
        return best;
    }

    private List<ScoredSegment> walk(Line line) {
        List<ScoredSegment> out = new ArrayList<>();
        SegmentBuilder current = null;
        for (int i = 0; i < q.count; i++) {
            int d = used[i] ? -2 : distanceOnLine(line, i);
            double t = i * q.gridStep;
            if (d == -2 || (d >= 0 && current != null && t - current.lastHitTime > MAX_GAP)) {
                if (current != null) {
                    current.finish(out);
                    current = null;
                }
            }
            if (d < 0) {
                continue;
            }
            if (d <= NullModel.MATCH_DISTANCE) {
                if (current == null) {
                    current = new SegmentBuilder(line);
                }
                current.hit(i, d, lastRefFrame);
            } else if (current != null) {
                current.miss(d);
            }
        }
        if (current != null) {
            current.finish(out);
        }
        return out;
    }

    private final class SegmentBuilder {
        final Line line;
        int first = -1;
        int last;
        double lastHitTime;
        int hits;
        int units;
        int lastUnitFrame = -1;
        int lastUnitRef = -1;
        int pendingMisses;
        int informative;
        double similaritySum;
        double pendingMissSimilarity;
        final List<Double> offsets = new ArrayList<>();

        SegmentBuilder(Line line) {
            this.line = line;
        }

        void hit(int i, int d, int j) {
            offsets.add(j * r.gridStep - line.speed * i * q.gridStep);
            if (first < 0) {
                first = i;
            }
            last = i;
            lastHitTime = i * q.gridStep;
            hits++;
            // misses count only between hits: trailing misses past the last hit are not part of it
            informative += pendingMisses + 1;
            similaritySum += pendingMissSimilarity + similarity(d);
            pendingMisses = 0;
            pendingMissSimilarity = 0;
            // independent evidence needs change on both sides: a still shot matches many offsets
            if (lastUnitFrame < 0 || (Hashes.distance(q.full, i, q.full, lastUnitFrame) > NullModel.CHANGE_DISTANCE
                    && Hashes.distance(r.full, j, r.full, lastUnitRef) > NullModel.CHANGE_DISTANCE)) {
                units++;
                lastUnitFrame = i;
                lastUnitRef = j;
            }
        }

        void miss(int d) {
            pendingMisses++;
            pendingMissSimilarity += similarity(d);
        }

        void finish(List<ScoredSegment> out) {
            if (units < NullModel.MIN_UNITS) {
                return;
            }
            int n = Math.max(units, (int) Math.round((double) informative * units / hits));
            double fmp = Math.min(1, lines(q, r) * Tail.binomial(units, n, NullModel.hitProbability(mode)));
            if (fmp > NullModel.ACCEPT) {
                return;
            }
            double qs = first * q.gridStep;
            double qe = (last + 1) * q.gridStep;
            // the median offset of the hits places the segment more finely than the vote bins
            offsets.sort(null);
            double offset = offsets.get(offsets.size() / 2);
            double rs = Math.max(0, line.speed * qs + offset);
            double re = Math.min(r.count * r.gridStep, line.speed * qe + offset);
            out.add(new ScoredSegment(new Segment(qs, qe, rs, re, similaritySum / informative), fmp, mode.name().toLowerCase()));
        }
    }

    static double similarity(int distance) {
        return Math.max(0, 1 - distance / 128.0);
    }
}
