package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why video marks rotate: behind a still camera's textured picture, a static mark is lost in the
 * picture's own (equally static) correlation with the tile, while the same mark rotating between
 * patterns P and Q is read blind at any phase, because the in-phase/quadrature sums cancel what is
 * static; and a copy whose encoder froze one key frame's mark is still read with the original.
 */
class TemporalCarrierTest {
    private static final int W = TileSyncTest.W;
    private static final int H = TileSyncTest.H;

    @Test
    void aRotatingMarkIsReadBehindAStaticPictureThatHidesAStaticOne() {
        WatermarkKey key = TestMedia.key(31);
        TilePattern tile = new TilePattern(key);
        float[] host = texture(W, H, 77);
        int[] code = PayloadCodec.encode(TestMedia.PAYLOAD);
        float[] field = TilePattern.field(tile.chips(code), W, H);
        float[] fieldQ = TilePattern.field(tile.chipsQ(code), W, H);
        // 6 s is three whole periods; 5.32 s is not, and the static picture must cancel all the same
        for (double[] run : new double[][] {{0, 150}, {0.37, 150}, {1.21, 150}, {0.37, 133}}) {
            double start = run[0];
            int pictures = (int) run[1];
            ResidualAccumulator still = new ResidualAccumulator(W, H);
            ResidualAccumulator rotating = new ResidualAccumulator(W, H, ResidualAccumulator.Weighting.IN_PHASE_AND_QUADRATURE);
            SplittableRandom noise = new SplittableRandom(5);
            for (int i = 0; i < pictures; i++) {
                double t = start + i / 25.0;
                float[] a = new float[W * H];
                float[] b = new float[W * H];
                float c = TemporalCarrier.inPhase(t);
                float q = TemporalCarrier.quadrature(t);
                for (int p = 0; p < a.length; p++) {
                    float n = (float) (2 * noise.nextGaussian());
                    a[p] = host[p] + 0.6f * field[p] + n;
                    b[p] = host[p] + 0.6f * (c * field[p] + q * fieldQ[p]) + n;
                }
                still.add(a, null);
                // the suspect's own clock: an excerpt starts at 0 whatever the original's phase
                rotating.add(b, null, i / 25.0);
            }
            assertFalse(WatermarkDetector.decideBlind(still, tile).found(), "static mark behind a static picture");
            Detection d = WatermarkDetector.decideBlind(rotating, tile);
            assertTrue(d.found(), "rotating mark, carrier phase " + start + ", " + pictures + " pictures");
            assertEquals(TestMedia.PAYLOAD, d.payload());
        }
    }

    @Test
    void aMarkFrozenAtOneKeyFrameIsReadInformedAtAnyAngle() {
        WatermarkKey key = TestMedia.key(32);
        TilePattern tile = new TilePattern(key);
        for (double frozenAt : new double[] {0, 0.5, 1.0, 1.62}) {
            // an encoder coded the key frame at frozenAt and predicted 100 pictures from it unchanged;
            // the informed residual is that mark plus noise, read at the original's (moving) time
            ResidualAccumulator acc = new ResidualAccumulator(W, H, ResidualAccumulator.Weighting.KNOWN_TIME);
            for (int i = 0; i < 100; i++) {
                acc.add(TileSyncTest.markedAt(key, W, H, 0.25, 3.0, 400 + i, frozenAt), null, frozenAt + i / 25.0);
            }
            Detection d = InformedDetector.decide(acc, tile).detection();
            assertTrue(d.found(), "frozen at " + frozenAt + " s");
            assertEquals(TestMedia.PAYLOAD, d.payload());
        }
    }

    @Test
    void theCarrierTurnsSmoothlyAndNeverFades() {
        assertEquals(1f, TemporalCarrier.inPhase(0), 1e-6);
        assertEquals(1f, TemporalCarrier.quadrature(0.5), 1e-6);
        assertEquals(-1f, TemporalCarrier.inPhase(1.0), 1e-6);
        assertEquals(TemporalCarrier.inPhase(0.3), TemporalCarrier.inPhase(0.3 + 7 * TemporalCarrier.PERIOD_SECONDS), 1e-5);
        for (double t = 0; t < 4; t += 0.04) {
            float c = TemporalCarrier.inPhase(t);
            float s = TemporalCarrier.quadrature(t);
            assertEquals(1, c * c + s * s, 1e-5, "full energy at " + t);
            // pictures 25 per second apart differ by an eighth of the mark at most
            double step = Math.hypot(TemporalCarrier.inPhase(t + 0.04) - c, TemporalCarrier.quadrature(t + 0.04) - s);
            assertTrue(step < 0.13, "step at " + t);
        }
    }

    /** A static picture with strong texture at the mark's scale (what grass or grain gives). */
    private static float[] texture(int w, int h, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] coarse = new float[(w / 4 + 2) * (h / 4 + 2)];
        for (int i = 0; i < coarse.length; i++) {
            coarse[i] = (float) (20 * r.nextGaussian());
        }
        float[] out = new float[w * h];
        int cw = w / 4 + 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = 128 + coarse[(y / 4) * cw + x / 4];
            }
        }
        return out;
    }
}
