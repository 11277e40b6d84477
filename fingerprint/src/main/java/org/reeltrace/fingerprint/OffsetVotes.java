package org.reeltrace.fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Index votes per (work, offset bin of {@link CandidateSearch#OFFSET_BIN} seconds). The evidence of
 * a bin is its distinct query instants, but never more than the distinct keys that produced them:
 * frames of one shot carry the same chunk keys, so a single chance key collision between a
 * suspect's shot and a catalogued shot votes from many instants at once; counted by keys it is one
 * vote, while a real copy hits many different keys. A bin also counts its upper neighbour.
 *
 * <p>Votes are kept as flat int arrays per work and counted by sorting, not in a set per bin:
 * a 60 s suspect against 1,000 catalogued hours casts about 200,000 votes into 130,000 bins.
 */
final class OffsetVotes {
    private static final int MIN_VOTES = 2;
    private static final int MAX_CANDIDATES = 32;
    /** candidates aligned even when their votes do not stand out from chance (a weak copy can still be among them) */
    private static final int MIN_ALIGNED = 8;
    private static final int MAX_BINS_PER_WORK = 8;
    private static final int HISTOGRAM_LEVELS = 256;
    /** pairs at an evidence level for its count to be a measurement */
    private static final int TAIL_COUNT = 10;
    /** chance (work, offset) pairs a query may still send to alignment, on average */
    private static final double CHANCE_PAIRS = 4;

    private final Map<Long, WorkVotes> byWork = new HashMap<>();
    private WorkVotes last;

    /** One vote: the query instant at {@code queryTime} (seconds) and key number {@code key} point at {@code offset} in {@code work}. */
    void vote(long work, double offset, double queryTime, int key) {
        WorkVotes w = last != null && last.work == work ? last : byWork.computeIfAbsent(work, WorkVotes::new);
        last = w;
        w.add((int) Math.floor(offset / CandidateSearch.OFFSET_BIN), (int) Math.round(queryTime * 4), key);
    }

    /**
     * Chance look-up hits spread over every offset of every catalogued work; a bin pair must stand
     * out from that background (Poisson mean + 4 sigma), and have at least {@link #MIN_VOTES}.
     * Candidates strongest first (ties: lower work key first).
     */
    List<CandidateSearch.Candidate> best(double catalogSeconds) {
        List<WorkVotes> works = new ArrayList<>(byWork.values());
        works.sort((a, b) -> Long.compare(a.work, b.work));
        long votesTotal = 0;
        for (WorkVotes w : works) {
            votesTotal += w.count();
        }
        double cells = Math.max(1, catalogSeconds / CandidateSearch.OFFSET_BIN);
        long[] histogram = new long[HISTOGRAM_LEVELS];
        for (WorkVotes w : works) {
            for (int e : w.evidence) {
                histogram[Math.min(HISTOGRAM_LEVELS - 1, e)]++;
            }
        }
        int chanceBar = chanceBar(histogram);
        List<CandidateSearch.Candidate> ranked = new ArrayList<>();
        for (WorkVotes w : works) {
            List<int[]> strong = new ArrayList<>(); // {bin, evidence}
            for (int b = 0; b < w.bins.length; b++) {
                int evidence = w.evidence[b];
                // the background is what the other bins got: a bin's own votes do not raise its bar
                double lambda = 2.0 * Math.max(0, votesTotal - evidence) / cells;
                if (evidence >= Math.max(MIN_VOTES, lambda + 4 * Math.sqrt(lambda) + 1)) {
                    strong.add(new int[] {w.bins[b], evidence});
                }
            }
            if (strong.isEmpty()) {
                continue;
            }
            strong.sort((a, b) -> a[1] != b[1] ? Integer.compare(b[1], a[1]) : Integer.compare(a[0], b[0]));
            List<Double> offsets = new ArrayList<>();
            for (int i = 0; i < Math.min(MAX_BINS_PER_WORK, strong.size()); i++) {
                offsets.add((strong.get(i)[0] + 1) * CandidateSearch.OFFSET_BIN); // middle of the bin pair
            }
            ranked.add(new CandidateSearch.Candidate(w.work, strong.get(0)[1], offsets));
        }
        ranked.sort((a, b) -> Integer.compare(b.votes(), a.votes())); // stable: ties stay in work order
        // the strongest few are aligned whatever the chance level; the others must stand out from it
        int keep = 0;
        while (keep < Math.min(MAX_CANDIDATES, ranked.size()) && (keep < MIN_ALIGNED || ranked.get(keep).votes() >= chanceBar)) {
            keep++;
        }
        return ranked.subList(0, keep);
    }

    /**
     * The evidence a (work, offset) pair needs to stand out from this query's own chance votes, or 0
     * when there are too few votes to tell. Chance votes are not Poisson: temporally correlated
     * hashes make chance keys cluster, and in a large catalog thousands of pairs get 3-5 votes (at
     * 1,000 hours, a 60 s query: 2,674 pairs with 3, 265 with 4, 26 with 5, against 210 for the true
     * work). The number of pairs per evidence level falls off geometrically; from the last two levels
     * with at least {@link #TAIL_COUNT} pairs the tail is extrapolated, and the bar is the lowest
     * level at which fewer than {@link #CHANCE_PAIRS} chance pairs are expected at or above it. A
     * true copy with less evidence than that cannot be told from chance by its votes; the alignment
     * of dozens of such pairs per query was most of the time of a large catalog's match. Works below
     * the bar are still aligned up to {@link #MIN_ALIGNED} candidates in all.
     *
     * @param pairsAtEvidence number of (work, offset) pairs by evidence level (the last level counts everything above)
     */
    static int chanceBar(long[] pairsAtEvidence) {
        int top = -1; // highest level with enough pairs to measure, its lower neighbour measured too
        for (int e = 2; e < pairsAtEvidence.length - 1; e++) {
            if (pairsAtEvidence[e] >= TAIL_COUNT && pairsAtEvidence[e - 1] >= TAIL_COUNT) {
                top = e;
            }
        }
        if (top < 0) {
            return 0;
        }
        double ratio = (double) pairsAtEvidence[top] / pairsAtEvidence[top - 1];
        if (ratio >= 1) {
            return 0; // not a falling tail: no model
        }
        double expected = pairsAtEvidence[top];
        for (int e = top + 1; e < pairsAtEvidence.length; e++) {
            expected *= ratio; // chance pairs expected at level e
            if (expected / (1 - ratio) < CHANCE_PAIRS) { // ... and at every level above
                return e;
            }
        }
        return pairsAtEvidence.length;
    }

    /** The votes for one work, counted on demand. */
    private static final class WorkVotes {
        private static final int BIN = 0;
        private static final int INSTANT = 1;
        private static final int KEY = 2;
        final long work;
        /** per vote: offset bin, query instant, key number */
        private final IntTriples votes = new IntTriples(16);
        /** after {@link #count}: the bins that got votes (ascending) and their evidence */
        int[] bins;
        int[] evidence;

        WorkVotes(long work) {
            this.work = work;
        }

        void add(int bin, int instant, int key) {
            votes.add(bin, instant, key);
        }

        /** Fills {@link #bins} and {@link #evidence}; returns the sum of the bins' own evidence. */
        long count() {
            int[][] instants = distinctPerBin(INSTANT, 0);
            int[][] keys = distinctPerBin(KEY, 0);
            // a vote in bin x also belongs to the pair (x - 1, x): distinct counts over pairs
            int[][] pairInstants = distinctPerBin(INSTANT, 1);
            int[][] pairKeys = distinctPerBin(KEY, 1);
            bins = instants[0];
            evidence = new int[bins.length];
            long own = 0;
            int p = 0;
            for (int b = 0; b < bins.length; b++) {
                int e = Math.min(instants[1][b], keys[1][b]);
                own += e;
                boolean upper = b + 1 < bins.length && bins[b + 1] == bins[b] + 1;
                if (upper && Math.min(instants[1][b] + instants[1][b + 1], keys[1][b] + keys[1][b + 1]) >= MIN_VOTES) {
                    while (pairInstants[0][p] != bins[b]) {
                        p++;
                    }
                    e = Math.min(pairInstants[1][p], pairKeys[1][p]);
                }
                evidence[b] = e;
            }
            return own;
        }

        /**
         * Distinct values per bin: {ascending bins, count of distinct values in each}. With
         * {@code alsoLower} = 1 every vote also counts for the bin below its own, so that bin {@code b}
         * holds the distinct values of bins {@code b} and {@code b + 1} together.
         */
        private int[][] distinctPerBin(int column, int alsoLower) {
            int n = votes.size();
            long[] packed = new long[n * (1 + alsoLower)];
            for (int i = 0; i < n; i++) {
                int bin = votes.get(BIN, i);
                long value = votes.get(column, i) & 0xffffffffL;
                packed[i] = ((long) bin << 32) | value;
                if (alsoLower == 1) {
                    packed[n + i] = ((long) (bin - 1) << 32) | value;
                }
            }
            Arrays.sort(packed);
            int[] bins = new int[packed.length];
            int[] counts = new int[packed.length];
            int m = -1;
            for (int i = 0; i < packed.length; i++) {
                if (i > 0 && packed[i] == packed[i - 1]) {
                    continue;
                }
                int bin = (int) (packed[i] >> 32);
                if (m < 0 || bins[m] != bin) {
                    bins[++m] = bin;
                }
                counts[m]++;
            }
            return new int[][] {Arrays.copyOf(bins, m + 1), Arrays.copyOf(counts, m + 1)};
        }
    }
}
