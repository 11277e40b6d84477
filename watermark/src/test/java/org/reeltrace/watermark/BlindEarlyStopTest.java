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
        ResidualAccumulator acc = new ResidualAccumulator(W, H);
        int read = feed(acc, stop, key, 0.6, 400);
        assertEquals(12, read, "stopped at the first check");
        assertEquals(TestMedia.PAYLOAD, stop.detection().payload());
        assertTrue(stop.detection().falsePositiveProbability() <= BlindEarlyStop.STOP_FP);
    }

    @Test
    void anUnmarkedCopyIsReadToTheEndAndTheChecksCount() {
        WatermarkKey key = TestMedia.key(22);
        BlindEarlyStop stop = new BlindEarlyStop(new TilePattern(key));
        ResidualAccumulator acc = new ResidualAccumulator(W, H);
        assertEquals(200, feed(acc, stop, key, 0.0, 200));
        assertNull(stop.detection());
        // checks after 12, 24, 48, 96 and 192 pictures, each with one or two shift hypotheses
        assertTrue(stop.hypothesesTried() >= 5 && stop.hypothesesTried() <= 10, "tried " + stop.hypothesesTried());
    }

    @Test
    void aWeakMarkIsNotStoppedOnButLeftToTheFullRead() {
        WatermarkKey key = TestMedia.key(23);
        BlindEarlyStop stop = new BlindEarlyStop(new TilePattern(key));
        ResidualAccumulator acc = new ResidualAccumulator(W, H);
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
        assertEquals(30, feed(new ResidualAccumulator(W, H), stop, key, 0.0, 30));
        int tried = stop.hypothesesTried();
        // a new sum (the picture inside the bars): its count starts again, and earlier checks still count
        assertEquals(12, feed(new ResidualAccumulator(W, H), stop, key, 0.6, 400));
        assertTrue(stop.hypothesesTried() > tried);
    }

    /** Adds up to {@code max} noisy marked pictures, stopping when told; returns how many were read. */
    private static int feed(ResidualAccumulator acc, BlindEarlyStop stop, WatermarkKey key, double amplitude, int max) {
        for (int i = 0; i < max; i++) {
            acc.add(TileSyncTest.marked(key, W, H, amplitude, 4.0, 1000 + i), null);
            if (stop.enough(acc)) {
                return i + 1;
            }
        }
        return max;
    }
}
