package org.reeltrace.fingerprint;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OffsetVotesTest {

    private static long[] histogram(long... pairsFromLevel1) {
        long[] h = new long[64];
        System.arraycopy(pairsFromLevel1, 0, h, 1, pairsFromLevel1.length);
        return h;
    }

    @Test
    void chanceBarComesFromTheMeasuredTail() {
        // a 60 s query against 1,000 synthetic hours (docs/benchmarks/fingerprint.md §3): 26 chance pairs
        // at 5 and a tenth as many per level above: ~2.8 expected at 6 or more, ~0.3 at 7 or more
        long[] h = histogram(101_676, 21_941, 2_674, 265, 26);
        h[13] = 1;
        h[63] = 1; // the true work (210, counted in the last level)
        assertEquals(6, OffsetVotes.chanceBar(h));
    }

    @Test
    void noBarWithoutEnoughChanceVotesToMeasure() {
        // small catalogs: a few pairs per level, nothing to extrapolate from; the Poisson rule alone applies
        assertEquals(0, OffsetVotes.chanceBar(histogram(300, 9, 1)));
        assertEquals(0, OffsetVotes.chanceBar(histogram(5, 2)));
        assertEquals(0, OffsetVotes.chanceBar(new long[64]));
    }

    @Test
    void aTailThatDoesNotFallGivesNoBar() {
        assertEquals(0, OffsetVotes.chanceBar(histogram(20, 40, 80)));
    }

    @Test
    void strongestCandidatesAreAlignedEvenBelowTheChanceBar() {
        // 40 works with 3 votes, 200 with 2, 160 with 1: a tail falling by 1/5 a level puts the chance bar
        // at 5, above every work; the Poisson rule alone would pass the 240 works with 2 or 3
        OffsetVotes votes = new OffsetVotes();
        for (long work = 1; work <= 400; work++) {
            int n = work <= 40 ? 3 : work <= 240 ? 2 : 1;
            for (int k = 0; k < n; k++) {
                votes.vote(work, 100.5, k, (int) (work * 10 + k));
            }
        }
        List<CandidateSearch.Candidate> c = votes.best(400 * 3600.0);
        assertEquals(8, c.size(), c.toString());
        assertEquals(3, c.get(0).votes());
        assertEquals(1, c.get(0).workPk()); // ties: lower work key first
    }
}
