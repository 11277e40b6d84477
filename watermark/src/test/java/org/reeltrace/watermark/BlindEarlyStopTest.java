package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Blind detection stops reading only on a decode beyond doubt, and counts what it tried. */
class BlindEarlyStopTest {
    private static final int W = TileSyncTest.W;
    private static final int H = TileSyncTest.H;

    @Test
    void aClearlyMarkedCopyStopsAtTheFirstCheck() {
        WatermarkKey key = TestMedia.key(21);
        BlindEarlyStop stop = new BlindEarlyStop(new TilePattern(key));
        ResidualAccumulator acc = video();
        int read = feed(acc, stop, key, 0.6, 400);
        assertEquals(12, read, "stopped at the first check");
        assertEquals(TestMedia.PAYLOAD, stop.detection().payload());
        assertTrue(stop.detection().falsePositiveProbability() <= BlindEarlyStop.STOP_FP);
    }

    @Test
    void anUnmarkedCopyIsReadToTheEndAndTheChecksCount() {
        WatermarkKey key = TestMedia.key(22);
        BlindEarlyStop stop = new BlindEarlyStop(new TilePattern(key));
        assertEquals(200, feed(video(), stop, key, 0.0, 200));
        assertNull(stop.detection());
        // shift (0, 0) after 12, 18, 30, 36 and 42 pictures, with the best shift too after 24, 48, 96
        // and 192; each reading rotating and frozen, both signs
        assertTrue(stop.hypothesesTried() >= 36 && stop.hypothesesTried() <= 52, "tried " + stop.hypothesesTried());
    }

    @Test
    void aWeakMarkIsNotStoppedOnButLeftToTheFullRead() {
        WatermarkKey key = TestMedia.key(23);
        BlindEarlyStop stop = new BlindEarlyStop(new TilePattern(key));
        ResidualAccumulator acc = video();
        // weak enough that 12 or 24 pictures cannot decode beyond doubt
        int read = feed(acc, stop, key, 0.05, 30);
        assertEquals(30, read);
        assertNull(stop.detection());
        assertTrue(stop.hypothesesTried() >= 2, "the checks at 12 and 24 pictures ran");
    }

    @Test
    void aSumReadAgainInsideLetterboxBarsIsCheckedFromItsFirstPictures() {
        WatermarkKey key = TestMedia.key(24);
        BlindEarlyStop stop = new BlindEarlyStop(new TilePattern(key));
        assertEquals(30, feed(video(), stop, key, 0.0, 30));
        int tried = stop.hypothesesTried();
        // a new sum (the picture inside the bars): its count starts again, and earlier checks still count
        assertEquals(12, feed(video(), stop, key, 0.6, 400));
        assertTrue(stop.hypothesesTried() > tried);
    }

    /**
     * Adds up to {@code max} noisy pictures (25 a second) whose mark rotates with the temporal carrier,
     * stopping when told; returns how many were read.
     */
    private static int feed(ResidualAccumulator acc, BlindEarlyStop stop, WatermarkKey key, double amplitude, int max) {
        for (int i = 0; i < max; i++) {
            double t = i / 25.0;
            acc.add(TileSyncTest.markedAt(key, W, H, amplitude, 4.0, 1000 + i, t), null, t);
            if (stop.enough(acc)) {
                return i + 1;
            }
        }
        return max;
    }

    private static ResidualAccumulator video() {
        return new ResidualAccumulator(W, H, ResidualAccumulator.Weighting.IN_PHASE_AND_QUADRATURE);
    }
}
