package org.reeltrace.fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Temporal alignment of two landmark sets: equal landmark hashes vote for an alignment line
 * (offset and speed, as for video); matches on the best line are grouped into segments. The
 * false-match probability is a Poisson tail whose rate is measured on the same pair of inputs
 * (all chance hash collisions spread over all offsets), so it adapts to how common the hashes are.
 */
final class AudioAligner {
    private static final double BIN = 0.25;
    private static final double TOLERANCE = 0.25;
    private static final double MAX_GAP = 4.0;
    private static final int MIN_MATCHES = 8;
    private static final int MAX_LINES = 8;
    /** hashes this frequent in the reference carry no information (steady tones, silence dither) */
    private static final int MAX_POSTINGS = 64;

    private AudioAligner() {
    }

    static List<ScoredSegment> align(AudioTrack q, AudioTrack r) {
        double hq = q.hopSeconds();
        double hr = r.hopSeconds();
        long[] ref = new long[r.size()];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = ((long) r.hashes()[i] << 32) | r.times()[i];
        }
        Arrays.sort(ref);
        double queryLength = q.size() == 0 ? 0 : q.times()[q.size() - 1] * hq + 1;
        double refLength = r.size() == 0 ? 0 : r.times()[r.size() - 1] * hr + 1;
        double[] speeds = VideoAligner.SPEEDS;
        double maxSpeed = speeds[speeds.length - 1];
        int bins = (int) Math.ceil((queryLength * maxSpeed + refLength) / BIN) + 2;
        // pairs (query landmark index, ref time in seconds)
        int[] pq = new int[1024];
        double[] pr = new double[1024];
        int n = 0;
        for (int i = 0; i < q.size(); i++) {
            long key = (long) q.hashes()[i] << 32;
            int from = lowerBound(ref, key);
            int to = lowerBound(ref, key + (1L << 32));
            if (to - from > MAX_POSTINGS) {
                continue;
            }
            for (int k = from; k < to; k++) {
                if (n == pq.length) {
                    pq = Arrays.copyOf(pq, n * 2);
                    pr = Arrays.copyOf(pr, n * 2);
                }
                pq[n] = i;
                pr[n] = (int) ref[k] * hr;
                n++;
            }
        }
        List<ScoredSegment> found = new ArrayList<>();
        if (n < MIN_MATCHES) {
            return found;
        }
        double lines = speeds.length * (double) bins;
        double lambdaWindow = (double) n / bins * (2 * TOLERANCE / BIN);
        boolean[] used = new boolean[q.size()];
        int[][] votes = new int[speeds.length][bins];
        for (int round = 0; round < MAX_LINES; round++) {
            for (int[] v : votes) {
                Arrays.fill(v, 0);
            }
            for (int p = 0; p < n; p++) {
                if (used[pq[p]]) {
                    continue;
                }
                double tq = q.times()[pq[p]] * hq;
                for (int s = 0; s < speeds.length; s++) {
                    int b = (int) Math.floor((pr[p] - speeds[s] * tq + queryLength * maxSpeed) / BIN);
                    votes[s][Math.max(0, Math.min(bins - 1, b))]++;
                }
            }
            int bestS = -1;
            int bestB = -1;
            int bestVotes = MIN_MATCHES - 1;
            for (int s = 0; s < speeds.length; s++) {
                for (int b = 0; b < bins - 1; b++) {
                    int v = votes[s][b] + votes[s][b + 1];
                    if (v > bestVotes) {
                        bestVotes = v;
                        bestS = s;
                        bestB = b;
                    }
                }
            }
            if (bestS < 0) {
                break;
            }
            double speed = speeds[bestS];
            double offset = (bestB + 1) * BIN - queryLength * maxSpeed;
            // matches on the line, in query order
            List<double[]> onLine = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                if (!used[pq[p]]) {
                    double tq = q.times()[pq[p]] * hq;
                    if (Math.abs(pr[p] - (speed * tq + offset)) <= TOLERANCE) {
                        onLine.add(new double[] {tq, pq[p], pr[p]});
                    }
                }
            }
            onLine.sort((a, b) -> Double.compare(a[0], b[0]));
            boolean accepted = false;
            int start = 0;
            for (int k = 1; k <= onLine.size(); k++) {
                if (k == onLine.size() || onLine.get(k)[0] - onLine.get(k - 1)[0] > MAX_GAP) {
                    double qs = onLine.get(start)[0];
                    double qe = onLine.get(k - 1)[0] + hq;
                    int matches = distinct(q, onLine, start, k);
                    int inSpan = landmarksBetween(q, qs, qe);
                    double lambda = Math.max(lambdaWindow * inSpan / Math.max(1, q.size()),
                            localBackground(q, pq, pr, n, qs, qe, speed, offset));
                    double fmp = Math.min(1, lines * Tail.poisson(matches, lambda));
                    if (matches >= MIN_MATCHES && fmp <= NullModel.ACCEPT) {
                        double fine = medianOffset(onLine, start, k, speed);
                        double rs = Math.max(0, speed * qs + fine);
                        double re = Math.min(refLength, speed * qe + fine);
                        double similarity = Math.min(1, matches / (double) Math.max(1, inSpan));
                        found.add(new ScoredSegment(new Segment(qs, qe, rs, re, similarity), fmp, "audio"));
                        accepted = true;
                        for (int m = start; m < k; m++) {
                            used[(int) onLine.get(m)[1]] = true;
                        }
                        markSpan(q, qs, qe, used);
                    }
                    start = k;
                }
            }
            if (!accepted) {
                // nothing on the strongest line is believable: weaker lines will not be either
                break;
            }
        }
        return found;
    }

    /**
     * Chance matches expected on the line, measured beside it: pairs of the same query span at
     * offsets 0.75..10.75 s away. Steady tones match at every offset and so raise their own bar.
     */
    private static double localBackground(AudioTrack q, int[] pq, double[] pr, int n, double qs, double qe, double speed, double offset) {
        int count = 0;
        for (int p = 0; p < n; p++) {
            double tq = q.times()[pq[p]] * q.hopSeconds();
            if (tq >= qs && tq <= qe) {
                double away = Math.abs(pr[p] - (speed * tq + offset));
                if (away > 0.75 && away <= 10.75) {
                    count++;
                }
            }
        }
        return count / (2 * 10.0 / BIN) * (2 * TOLERANCE / BIN);
    }

    /** Distinct landmark hashes matched: a repeating tone or beat counts once, not at every repeat. */
    private static int distinct(AudioTrack q, List<double[]> onLine, int from, int to) {
        java.util.Set<Integer> hashes = new java.util.HashSet<>();
        for (int k = from; k < to; k++) {
            hashes.add(q.hashes()[(int) onLine.get(k)[1]]);
        }
        return hashes.size();
    }

    /** The median of (reference time - speed x query time) over the matches: finer than the vote bins. */
    private static double medianOffset(List<double[]> onLine, int from, int to, double speed) {
        double[] offsets = new double[to - from];
        for (int k = from; k < to; k++) {
            offsets[k - from] = onLine.get(k)[2] - speed * onLine.get(k)[0];
        }
        Arrays.sort(offsets);
        return offsets[offsets.length / 2];
    }

    private static int landmarksBetween(AudioTrack q, double from, double to) {
        int n = 0;
        for (int i = 0; i < q.size(); i++) {
            double t = q.times()[i] * q.hopSeconds();
            if (t >= from && t <= to) {
                n++;
            }
        }
        return n;
    }

    private static void markSpan(AudioTrack q, double from, double to, boolean[] used) {
        for (int i = 0; i < q.size(); i++) {
            double t = q.times()[i] * q.hopSeconds();
            if (t >= from && t <= to) {
                used[i] = true;
            }
        }
    }

    private static int lowerBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
