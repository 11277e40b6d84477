package org.reeltrace.fingerprint;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatcherTest {

    @Test
    void findsAnExcerptAtItsOffsetDespiteBitErrors() {
        Fingerprint work = TestFingerprints.random(1, 120);
        Fingerprint clip = TestFingerprints.excerpt(work, 40, 50, 50, 2);
        Comparison c = Matcher.compare(clip, work);
        assertEquals(1, c.segments().size(), c.toString());
        Segment s = c.segments().get(0);
        assertEquals(40.0, s.refStart() - s.queryStart(), 0.26);
        assertEquals(10.0, s.queryEnd() - s.queryStart(), 0.5);
        assertTrue(c.falseMatchProbability() < 1e-20, c.toString());
        assertTrue(c.score() > 0.5 && c.score() <= 1);
    }

    @Test
    void fiveSecondClipIsEnough() {
        Fingerprint work = TestFingerprints.random(3, 600);
        Comparison c = Matcher.compare(TestFingerprints.excerpt(work, 300, 305, 40, 4), work);
        assertEquals(1, c.segments().size(), c.toString());
        assertEquals(300.0, c.segments().get(0).refStart() - c.segments().get(0).queryStart(), 0.26);
    }

    @Test
    void unrelatedContentDoesNotMatch() {
        for (long seed = 10; seed < 20; seed++) {
            Comparison c = Matcher.compare(TestFingerprints.excerpt(TestFingerprints.random(seed, 60), 0, 60, 0, seed), TestFingerprints.random(seed + 100, 300));
            assertFalse(c.matches(), c.toString());
            assertEquals(1.0, c.falseMatchProbability());
            assertEquals(0.0, c.score());
        }
    }

    @Test
    void twoWorksConcatenatedGiveTwoSegments() {
        Fingerprint work = TestFingerprints.random(5, 200);
        Fingerprint a = TestFingerprints.excerpt(work, 20, 35, 30, 6);
        Fingerprint b = TestFingerprints.excerpt(work, 150, 160, 30, 7);
        Fingerprint joined = concat(a, b);
        Comparison c = Matcher.compare(joined, work);
        assertEquals(2, c.segments().size(), c.toString());
        assertEquals(20.0, c.segments().get(0).refStart() - c.segments().get(0).queryStart(), 0.26);
        assertEquals(150.0 - 15.0, c.segments().get(1).refStart() - c.segments().get(1).queryStart(), 0.26);
    }

    @Test
    void speedChangeIsFollowed() {
        Fingerprint work = TestFingerprints.random(8, 100);
        // a 4% faster copy: query frame i shows reference time 1.04 * i * step + 30
        VideoTrack src = work.video;
        List<Integer> picks = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            picks.add((int) Math.round((30 + 1.04 * i * src.gridStep) / src.gridStep));
        }
        VideoTrack v = new VideoTrack(src.gridStep, src.regionStride, picks.size());
        for (int j : picks) {
            int f = v.append();
            v.quality[f] = src.quality[j];
            System.arraycopy(src.full, j * Hashes.LONGS, v.full, f * Hashes.LONGS, Hashes.LONGS);
            System.arraycopy(src.flip, j * Hashes.LONGS, v.flip, f * Hashes.LONGS, Hashes.LONGS);
        }
        v.trim();
        Fingerprint fast = new Fingerprint(15, new byte[32], new int[] {0, 0, 10000, 10000}, 0, v, null);
        Comparison c = Matcher.compare(fast, work);
        assertTrue(c.matches(), c.toString());
        Segment s = c.segments().get(0);
        assertEquals(30.0, s.refStart() - 1.04 * s.queryStart(), 0.5);
        assertEquals(1.04, (s.refEnd() - s.refStart()) / (s.queryEnd() - s.queryStart()), 0.02);
    }

    static Fingerprint concat(Fingerprint a, Fingerprint b) {
        VideoTrack v = new VideoTrack(a.video.gridStep, a.video.regionStride, a.video.count + b.video.count);
        for (Fingerprint part : List.of(a, b)) {
            for (int i = 0; i < part.video.count; i++) {
                int f = v.append();
                v.quality[f] = part.video.quality[i];
                System.arraycopy(part.video.full, i * Hashes.LONGS, v.full, f * Hashes.LONGS, Hashes.LONGS);
                System.arraycopy(part.video.flip, i * Hashes.LONGS, v.flip, f * Hashes.LONGS, Hashes.LONGS);
            }
        }
        v.trim();
        return new Fingerprint(a.durationSeconds + b.durationSeconds, new byte[32], new int[] {0, 0, 10000, 10000}, 0, v, null);
    }
}
