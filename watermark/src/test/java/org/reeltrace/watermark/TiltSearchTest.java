package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A marked picture turned by a few degrees, without FFmpeg: the tilt search finds the lattice and the payload. */
class TiltSearchTest {
    @Test
    void aPictureTurnedByThreeDegreesIsReadAndTheTiltFound() {
        WatermarkKey key = TestMedia.key(11);
        ResidualAccumulator acc = tiltedStill(key, 3.0, 1.0);
        TilePattern tile = new TilePattern(key);
        // the untilted search alone does not read it: that is what the tilt search is for
        assertFalse(Decision.decide(WatermarkDetector.blindSoft(acc, tile, TileSync.Search.SHIFT), "blind").found(), "untilted reading");
        Detection d = WatermarkDetector.decideBlind(acc, tile);
        assertTrue(d.found(), "tilted 3 degrees: " + d);
        assertEquals(TestMedia.PAYLOAD, d.payload());
        List<TileSync.Candidate> lattices = TiltSearch.candidates(acc.sum, null, acc.width, acc.height, tile);
        TileSync.Candidate first = lattices.get(0);
        assertEquals(3.0, Math.abs(Math.toDegrees(first.tilt())), 0.5, "tilt of the best lattice");
        assertEquals(TileSync.BINS, first.periodX(), 2.0, "period of the best lattice");
    }

    @Test
    void aTurnedAndEnlargedPictureIsRead() {
        WatermarkKey key = TestMedia.key(12);
        ResidualAccumulator acc = tiltedStill(key, -5.5, 1.15);
        Detection d = WatermarkDetector.decideBlind(acc, new TilePattern(key));
        assertTrue(d.found(), "tilted -5.5 degrees, enlarged 15%: " + d);
        assertEquals(TestMedia.PAYLOAD, d.payload());
    }

    @Test
    void aTurnedPictureUnderAnotherKeyOrWithoutMarkIsNotAWatermark() {
        assertFalse(WatermarkDetector.decideBlind(tiltedStill(TestMedia.key(13), 4.0, 1.0), new TilePattern(TestMedia.key(14))).found());
        for (int seed = 0; seed < 3; seed++) {
            ResidualAccumulator unmarked = new ResidualAccumulator(TileSyncTest.W, TileSyncTest.H);
            unmarked.add(TileSyncTest.marked(TestMedia.key(seed), TileSyncTest.W, TileSyncTest.H, 0.0, 4.0, 200 + seed), null);
            assertFalse(WatermarkDetector.decideBlind(unmarked, new TilePattern(TestMedia.key(seed))).found());
        }
    }

    @Test
    void aFoldAlongBarelyTurnedAxesIsThePlainFold() {
        float[] r = TileSyncTest.marked(TestMedia.key(15), TileSyncTest.W, TileSyncTest.H, 1.0, 4.0, 9);
        for (double period : new double[] {TileSync.BINS, 150.25}) {
            double[] plain = TileSync.fold(r, TileSyncTest.W, TileSyncTest.H, period, period, 64);
            double[] tilted = TileSync.foldTilted(r, null, TileSyncTest.W, TileSyncTest.H, period, period, 1e-12, 64).inPhase();
            // the same bins, up to pixels that lie on a bin edge and round the other way
            int differing = 0;
            for (int i = 0; i < plain.length; i++) {
                if (Math.abs(plain[i] - tilted[i]) > 1e-9) {
                    differing++;
                }
            }
            assertTrue(differing <= plain.length / 100, differing + " of " + plain.length + " bins differ at period " + period);
        }
    }

    /**
     * A 1280x720 marked picture turned by {@code degrees} about its centre and enlarged by {@code zoom}
     * (bilinear; the corners the turn uncovers are grey), then brought to the working resolution.
     */
    private static ResidualAccumulator tiltedStill(WatermarkKey key, double degrees, double zoom) {
        int w = 1280;
        int h = 720;
        float[] big = TileSyncTest.marked(key, w, h, 2.5, 4.0, 5);
        float[] turned = new float[w * h];
        double c = Math.cos(Math.toRadians(degrees)) / zoom;
        double s = Math.sin(Math.toRadians(degrees)) / zoom;
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sx = cx + c * (x - cx) + s * (y - cy);
                double sy = cy - s * (x - cx) + c * (y - cy);
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) {
                    turned[y * w + x] = 128;
                    continue;
                }
                double fx = sx - x0;
                double fy = sy - y0;
                int i = y0 * w + x0;
                double top = big[i] + (big[i + 1] - big[i]) * fx;
                double bottom = big[i + w] + (big[i + w + 1] - big[i + w]) * fx;
                turned[y * w + x] = (float) (top + (bottom - top) * fy);
            }
        }
        int[] size = WorkingFrame.sizeFor(w, h);
        ResidualAccumulator acc = new ResidualAccumulator(size[0], size[1]);
        acc.add(WorkingFrame.resample(turned, w, h, size[0], size[1]), null);
        return acc;
    }
}
