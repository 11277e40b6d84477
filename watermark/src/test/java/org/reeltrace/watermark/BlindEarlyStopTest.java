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
        int read = feed(stop, key, 0.6, 400);
        assertEquals(48, read, "stopped at the first check");
        assertEquals(TestMedia.PAYLOAD, stop.detection().payload());
        assertTrue(stop.detection().falsePositiveProbability() <= BlindEarlyStop.STOP_FP);
    }

    @Test
    void anUnmarkedCopyIsReadToTheEndAndTheChecksCount() {
        WatermarkKey key = TestMedia.key(22);
        BlindEarlyStop stop = new BlindEarlyStop(new TilePattern(key));
        assertEquals(200, feed(stop, key, 0.0, 200));
        assertNull(stop.detection());
        // checks after 48, 96 and 192 pictures, each with one or two shifts, both carrier signs
        assertTrue(stop.hypothesesTried() >= 6 && stop.hypothesesTried() <= 12, "tried " + stop.hypothesesTried());
    }

    @Test
    void aWeakMarkIsNotStoppedOnButLeftToTheFullRead() {
        WatermarkKey key = TestMedia.key(23);
        BlindEarlyStop stop = new BlindEarlyStop(new TilePattern(key));
        // weak enough that 48 pictures cannot decode beyond doubt
        assertEquals(60, feed(stop, key, 0.03, 60));
        assertNull(stop.detection());
        assertTrue(stop.hypothesesTried() >= 2, "the check at 48 pictures ran");
    }

    /**
     * Adds up to {@code max} noisy pictures (25 a second) whose mark follows the temporal carrier,
     * stopping when told; returns how many were read.
     */
    private static int feed(BlindEarlyStop stop, WatermarkKey key, double amplitude, int max) {
        ResidualAccumulator acc = new ResidualAccumulator(W, H, ResidualAccumulator.Weighting.IN_PHASE_AND_QUADRATURE);
        for (int i = 0; i < max; i++) {
            double t = i / 25.0;
            acc.add(TileSyncTest.marked(key, W, H, amplitude * TemporalCarrier.value(t), 4.0, 1000 + i), null, t);
            if (stop.enough(acc)) {
                return i + 1;
            }
        }
        return max;
    }
}
