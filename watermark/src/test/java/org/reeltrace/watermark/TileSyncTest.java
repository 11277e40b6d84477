package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The detection chain on synthetic residual pictures, without FFmpeg: sync, read, decode, decide. */
class TileSyncTest {
    static final int W = 512;
    static final int H = 288;

    @Test
    void everyCodedBitOwnsFiveOrSixChipsPerTile() {
        TilePattern t = new TilePattern(TestMedia.key(1));
        int[] count = new int[PayloadCodec.CODED_BITS];
        for (int b : t.bitOf) {
            count[b]++;
        }
        for (int c : count) {
            assertTrue(c == 5 || c == 6, "chips per bit " + c);
        }
    }

    @Test
    void findsThePayloadInNoiseAtTheNominalGeometry() {
        WatermarkKey key = TestMedia.key(7);
        float[] pic = marked(key, W, H, 1.0, 4.0, 1);
        ResidualAccumulator acc = new ResidualAccumulator(W, H);
        acc.add(pic, null);
        Detection d = WatermarkDetector.decideBlind(acc, new TilePattern(key));
        assertTrue(d.found());
        assertEquals(TestMedia.PAYLOAD, d.payload());
        assertTrue(d.falsePositiveProbability() < 1e-10);
        assertFalse(WatermarkDetector.decideBlind(acc, new TilePattern(TestMedia.key(8))).found(), "wrong key");
    }

    @Test
    void resynchronisesAfterACropThatIsScaledBackToFullSize() {
        WatermarkKey key = TestMedia.key(9);
        // mark a larger picture, cut out 90% with an odd offset, scale it to the working size
        int bw = 1280;
        int bh = 720;
        float[] big = marked(key, bw, bh, 2.5, 4.0, 2);
        int cw = (int) (bw * 0.9);
        int ch = (int) (bh * 0.9);
        float[] crop = new float[cw * ch];
        for (int y = 0; y < ch; y++) {
            System.arraycopy(big, (y + 37) * bw + 53, crop, y * cw, cw);
        }
        int[] size = WorkingFrame.sizeFor(cw, ch);
        float[] work = WorkingFrame.resample(crop, cw, ch, size[0], size[1]);
        ResidualAccumulator acc = new ResidualAccumulator(size[0], size[1]);
        acc.add(work, null);
        Detection d = WatermarkDetector.decideBlind(acc, new TilePattern(key));
        assertTrue(d.found(), "crop resynchronised");
        assertEquals(TestMedia.PAYLOAD, d.payload());
    }

    @Test
    void noiseAloneIsNotAWatermark() {
        for (int seed = 0; seed < 5; seed++) {
            float[] pic = marked(TestMedia.key(seed), W, H, 0.0, 4.0, 100 + seed);
            ResidualAccumulator acc = new ResidualAccumulator(W, H);
            acc.add(pic, null);
            assertFalse(WatermarkDetector.decideBlind(acc, new TilePattern(TestMedia.key(seed))).found());
        }
    }

    /** amplitude x field (cells of min(w,h)/72 pixels) + white Gaussian noise + a smooth ramp. */
    static float[] marked(WatermarkKey key, int w, int h, double amplitude, double noise, long seed) {
        float[] field = TilePattern.field(new TilePattern(key).chips(PayloadCodec.encode(TestMedia.PAYLOAD)), w, h);
        SplittableRandom r = new SplittableRandom(seed);
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                out[i] = (float) (100 + 50.0 * x / w + amplitude * field[i] + noise * r.nextGaussian());
            }
        }
        return out;
    }

    /** {@link #marked} with a video's mark at the carrier angle of {@code seconds}: cos P + sin Q. */
    static float[] markedAt(WatermarkKey key, int w, int h, double amplitude, double noise, long seed, double seconds) {
        TilePattern tile = new TilePattern(key);
        int[] code = PayloadCodec.encode(TestMedia.PAYLOAD);
        float[] p = TilePattern.field(tile.chips(code), w, h);
        float[] q = TilePattern.field(tile.chipsQ(code), w, h);
        double c = TemporalCarrier.inPhase(seconds);
        double s = TemporalCarrier.quadrature(seconds);
        SplittableRandom r = new SplittableRandom(seed);
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                out[i] = (float) (100 + 50.0 * x / w + amplitude * (c * p[i] + s * q[i]) + noise * r.nextGaussian());
            }
        }
        return out;
    }
}
