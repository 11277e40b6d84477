package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Informed embedding on a textured picture: the blind detector's margin per bit must improve. */
class InterferenceCancellerTest {
    static final int W = 512;
    static final int H = 288;

    @Test
    void cancellingThePicturesOwnCorrelationRaisesTheBlindMargin() {
        WatermarkKey key = TestMedia.key(21);
        TilePattern tile = new TilePattern(key);
        int[] codeword = PayloadCodec.encode(TestMedia.PAYLOAD);
        for (long seed = 1; seed <= 3; seed++) {
            byte[] host = texture(seed);
            float[] mask = new PerceptualMask(W, H).update(host);

            LumaMarker plain = new LumaMarker(tile, TestMedia.PAYLOAD, W, H, LumaMarker.Strength.VIDEO);
            byte[] a = host.clone();
            plain.mark(a, mask);

            LumaMarker informed = new LumaMarker(tile, TestMedia.PAYLOAD, W, H, LumaMarker.Strength.VIDEO);
            InterferenceCanceller canceller = new InterferenceCanceller(tile, W, H, new int[][] {codeword});
            assertTrue(canceller.measure(host, mask, informed.effectiveAmplitude()), "first measurement sets the gains");
            informed.setGains(canceller.gains(0));
            byte[] b = host.clone();
            informed.mark(b, mask);

            double[] plainSoft = blindSoft(a, tile);
            double[] informedSoft = blindSoft(b, tile);
            double plainMargin = margin(plainSoft, codeword);
            double informedMargin = margin(informedSoft, codeword);
            int plainErrors = errors(plainSoft, codeword);
            int informedErrors = errors(informedSoft, codeword);
            assertTrue(informedMargin > plainMargin + 0.05,
                    "seed " + seed + ": mean margin " + plainMargin + " -> " + informedMargin);
            assertTrue(informedErrors < plainErrors || informedErrors == 0,
                    "seed " + seed + ": bit errors " + plainErrors + " -> " + informedErrors);
            for (float g : canceller.gains(0)) {
                assertTrue(g >= 1f && g <= 3f, "gain within the spec's range");
            }
        }
    }

    /** A static textured picture: blurred noise with strong energy at the mark's cell scale. */
    static byte[] texture(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] noise = new float[W * H];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) r.nextGaussian();
        }
        byte[] out = new byte[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double s = 0;
                for (int j = -2; j <= 2; j++) {
                    for (int i = -2; i <= 2; i++) {
                        int yy = Math.min(H - 1, Math.max(0, y + j));
                        int xx = Math.min(W - 1, Math.max(0, x + i));
                        s += noise[yy * W + xx];
                    }
                }
                out[y * W + x] = (byte) Math.max(30, Math.min(225, (int) Math.round(128 + 1.5 * s)));
            }
        }
        return out;
    }

    static double[] blindSoft(byte[] picture, TilePattern tile) {
        float[] f = new float[picture.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = picture[i] & 0xff;
        }
        ResidualAccumulator acc = new ResidualAccumulator(W, H);
        acc.add(f, null);
        return TileSync.readAt(TileSync.fold(acc.sum, W, H, TileSync.BINS, TileSync.BINS), tile, 0, 0);
    }

    static double margin(double[] soft, int[] codeword) {
        double m = 0;
        for (int i = 0; i < soft.length; i++) {
            m += codeword[i] == 1 ? soft[i] : -soft[i];
        }
        return m / soft.length;
    }

    static int errors(double[] soft, int[] codeword) {
        int e = 0;
        for (int i = 0; i < soft.length; i++) {
            if ((soft[i] > 0 ? 1 : 0) != codeword[i]) {
                e++;
            }
        }
        return e;
    }
}
