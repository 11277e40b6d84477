package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why video marks reverse: behind a still camera's textured picture, a static mark is lost in the
 * picture's own (equally static) correlation with the tile, while the same mark on the temporal
 * carrier is read blind at any phase, because the in-phase/quadrature sums cancel what is static.
 */
class TemporalCarrierTest {
    private static final int W = TileSyncTest.W;
    private static final int H = TileSyncTest.H;
    private static final int PICTURES = 150;

    @Test
    void aReversingMarkIsReadBehindAStaticPictureThatHidesAStaticOne() {
        WatermarkKey key = TestMedia.key(31);
        TilePattern tile = new TilePattern(key);
        float[] host = texture(W, H, 77);
        float[] field = TilePattern.field(tile.chips(PayloadCodec.encode(TestMedia.PAYLOAD)), W, H);
        for (double start : new double[] {0, 0.37, 1.21}) {
            ResidualAccumulator still = new ResidualAccumulator(W, H);
            ResidualAccumulator reversing = new ResidualAccumulator(W, H, ResidualAccumulator.Weighting.IN_PHASE_AND_QUADRATURE);
            SplittableRandom noise = new SplittableRandom(5);
            for (int i = 0; i < PICTURES; i++) {
                double t = start + i / 25.0;
                float[] a = new float[W * H];
                float[] b = new float[W * H];
                float c = TemporalCarrier.value(t);
                for (int p = 0; p < a.length; p++) {
                    float n = (float) (2 * noise.nextGaussian());
                    a[p] = host[p] + 0.6f * field[p] + n;
                    b[p] = host[p] + 0.6f * c * field[p] + n;
                }
                still.add(a, null);
                // the suspect's own clock: an excerpt starts at 0 whatever the original's phase
                reversing.add(b, null, i / 25.0);
            }
            assertFalse(WatermarkDetector.decideBlind(still, tile).found(), "static mark behind a static picture");
            Detection d = WatermarkDetector.decideBlind(reversing, tile);
            assertTrue(d.found(), "reversing mark, carrier phase " + start);
            assertEquals(TestMedia.PAYLOAD, d.payload());
        }
    }

    @Test
    void theCarrierReversesSmoothlyEveryPeriod() {
        assertEquals(1f, TemporalCarrier.value(0.5), 1e-6);
        assertEquals(-1f, TemporalCarrier.value(1.5), 1e-6);
        assertEquals(TemporalCarrier.value(0.3), TemporalCarrier.value(0.3 + 7 * TemporalCarrier.PERIOD_SECONDS), 1e-5);
        // no step larger than a fifth of the swing between pictures 25 per second apart
        for (double t = 0; t < 4; t += 0.04) {
            assertTrue(Math.abs(TemporalCarrier.value(t + 0.04) - TemporalCarrier.value(t)) < 0.4, "step at " + t);
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
