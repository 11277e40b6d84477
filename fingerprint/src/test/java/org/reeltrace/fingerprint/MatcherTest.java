package org.reeltrace.fingerprint;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

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

    /**
     * A near-still 10 s shot whose copy had its tone curve changed (contrast x1.5 crushing a dark
     * background): every copy frame is ~50 bits from every nearby original frame, and the change
     * makes the static part of the picture look like the original 5 frames (1.25 s) earlier, so
     * frame distances alone prefer the wrong offset by a few bits. What the copy keeps exactly is
     * how the picture changes: a squirrel chewing, bursts of ~12 bits for a frame or two. (The
     * shared squirrel clip failed this way in the full matrix: found at -1.25 s.)
     */
    @Test
    void nearStillShotAfterAToneChangeIsTimedByHowItChanges() {
        int found = 0;
        StringBuilder offsets = new StringBuilder();
        for (long seed = 1; seed <= 20; seed++) {
            Fingerprint[] copyAndWork = toneChangedStillShot(seed);
            Comparison c = Matcher.compare(copyAndWork[0], copyAndWork[1]);
            assertTrue(c.matches(), "seed " + seed + ": " + c);
            Segment longest = c.segments().stream().max((a, b) -> Double.compare(a.queryEnd() - a.queryStart(), b.queryEnd() - b.queryStart())).orElseThrow();
            double offset = longest.refStart() - longest.queryStart();
            offsets.append(String.format(" %.2f", offset));
            if (Math.abs(offset) <= 0.5) {
                found++;
            }
        }
        // before alignment lines were settled on the change pattern: 0 of 20 at the right offset (all at -0.75 or -1.00 s)
        assertTrue(found >= 18, "offsets:" + offsets);
    }

    /** {copy, original}: see {@link #nearStillShotAfterAToneChangeIsTimedByHowItChanges}. */
    private static Fingerprint[] toneChangedStillShot(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int frames = 40;
        int lag = 5;
        int[] bits = new int[Hashes.BITS]; // disjoint pools: slow drift 0-79, chewing 160-199, tone change 200-239
        for (int i = 0; i < bits.length; i++) {
            bits[i] = i;
        }
        for (int i = bits.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = bits[i];
            bits[i] = bits[j];
            bits[j] = t;
        }
        boolean[][] chewing = new boolean[frames][40];
        for (int i = 2; i < frames; ) {
            boolean[] burst = new boolean[40];
            for (int t = 0; t < 12; t++) {
                burst[r.nextInt(40)] = true;
            }
            int length = 1 + r.nextInt(2);
            for (int k = i; k < Math.min(frames, i + length); k++) {
                chewing[k] = burst;
            }
            i += length + 2 + r.nextInt(5);
        }
        long[] base = {r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong()};
        VideoTrack original = new VideoTrack(VideoHasher.GRID_STEP, VideoHasher.REGION_STRIDE, frames);
        VideoTrack copy = new VideoTrack(VideoHasher.GRID_STEP, VideoHasher.REGION_STRIDE, frames);
        for (int i = 0; i < frames; i++) {
            int f = original.append();
            copy.append();
            original.quality[f] = 100;
            copy.quality[f] = 100;
            System.arraycopy(base, 0, original.full, f * Hashes.LONGS, Hashes.LONGS);
            System.arraycopy(base, 0, copy.full, f * Hashes.LONGS, Hashes.LONGS);
            for (int b = 0; b < 2 * i; b++) { // the light drifts slowly: 2 bits a frame
                flip(original.full, f, bits[b]);
            }
            for (int b = 0; b < 2 * Math.max(0, i - lag); b++) { // ... and after the tone change looks 5 frames older
                flip(copy.full, f, bits[b]);
            }
            for (int b = 0; b < 40; b++) {
                if (chewing[i][b]) {
                    flip(original.full, f, bits[160 + b]);
                    flip(copy.full, f, bits[160 + b]);
                }
            }
            for (int b = 200; b < 240; b++) { // the tone change itself
                flip(copy.full, f, bits[b]);
            }
            flip(copy.full, f, r.nextInt(Hashes.BITS)); // re-encoding noise
            for (int w = 0; w < Hashes.LONGS; w++) { // mirror images: unrelated
                original.flip[f * Hashes.LONGS + w] = r.nextLong();
                copy.flip[f * Hashes.LONGS + w] = r.nextLong();
            }
        }
        original.trim();
        copy.trim();
        int[] crop = {0, 0, 10000, 10000};
        return new Fingerprint[] {new Fingerprint(10, new byte[32], crop, 0, copy, null), new Fingerprint(10, new byte[32], crop, 0, original, null)};
    }

    private static void flip(long[] hashes, int frame, int bit) {
        hashes[frame * Hashes.LONGS + bit / 64] ^= 1L << (bit % 64);
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
