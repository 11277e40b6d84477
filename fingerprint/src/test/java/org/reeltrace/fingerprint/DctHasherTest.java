package org.reeltrace.fingerprint;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DctHasherTest {
    static final int N = DctHasher.SIZE;

    static float[] picture(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] p = new float[N * N];
        double[][] waves = new double[6][];
        for (int k = 0; k < waves.length; k++) {
            waves[k] = new double[] {r.nextDouble(0.02, 0.3), r.nextDouble(0.02, 0.3), r.nextDouble(6.28), r.nextDouble(10, 40)};
        }
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                double v = 128;
                for (double[] w : waves) {
                    v += w[3] * Math.sin(w[0] * x + w[1] * y + w[2]);
                }
                p[y * N + x] = (float) v;
            }
        }
        return p;
    }

    @Test
    void flipHashIsTheHashOfTheMirrorImage() {
        DctHasher h = new DctHasher();
        for (long seed = 1; seed <= 5; seed++) {
            float[] p = picture(seed);
            float[] mirror = new float[p.length];
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    mirror[y * N + x] = p[y * N + (N - 1 - x)];
                }
            }
            long[] a = new long[4];
            long[] flip = new long[4];
            long[] m = new long[4];
            h.hash(p, a, 0, flip);
            h.hash(mirror, m, 0, null);
            assertTrue(Hashes.distance(flip, 0, m, 0) <= 2, "flip vs mirror: " + Hashes.distance(flip, 0, m, 0));
            assertTrue(Hashes.distance(a, 0, m, 0) > 60, "a picture differs from its mirror image");
        }
    }

    @Test
    void brightnessAndContrastDoNotChangeTheHash() {
        DctHasher h = new DctHasher();
        float[] p = picture(9);
        float[] q = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            q[i] = p[i] * 0.7f + 40;
        }
        long[] a = new long[4];
        long[] b = new long[4];
        h.hash(p, a, 0, null);
        h.hash(q, b, 0, null);
        assertTrue(Hashes.distance(a, 0, b, 0) <= 2);
    }

    @Test
    void halfTheBitsAreSetAndFlatPicturesHaveLowQuality() {
        DctHasher h = new DctHasher();
        long[] a = new long[4];
        int quality = h.hash(picture(3), a, 0, null);
        int ones = 0;
        for (long w : a) {
            ones += Long.bitCount(w);
        }
        assertEquals(128, ones, 1);
        assertTrue(quality >= FrameEvidence.MIN_QUALITY);
        assertTrue(h.hash(new float[N * N], a, 0, null) < FrameEvidence.MIN_QUALITY);
    }
}
