package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StructuralBudgetTest {
    private static final int W = 64;
    private static final int H = 32;

    @Test
    void aMarkInTexturedBlocksIsLeftAlone() {
        Random r = new Random(1);
        byte[] original = new byte[W * H];
        byte[] marked = new byte[W * H];
        for (int i = 0; i < original.length; i++) {
            int v = 40 + r.nextInt(170); // sd about 49 levels
            original[i] = (byte) v;
            marked[i] = (byte) (v + (r.nextBoolean() ? 2 : -2));
        }
        float[] strength = filled(1f);
        assertFalse(StructuralBudget.limit(original, marked, strength, W, H));
        assertTrue(allEqual(strength, 1f));
    }

    /** Black bars: rounding at 0 keeps only the positive half of a mark, a pure mean shift. */
    @Test
    void aMarkOnBlackIsScaledDownThereOnly() {
        byte[] original = new byte[W * H];
        byte[] marked = new byte[W * H];
        Random r = new Random(2);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = y * W + x;
                // left half black, right half textured
                int v = x < W / 2 ? 0 : 40 + r.nextInt(170);
                original[i] = (byte) v;
                marked[i] = (byte) Math.max(0, v + (r.nextBoolean() ? 1 : -1));
            }
        }
        float[] strength = filled(1f);
        assertTrue(StructuralBudget.limit(original, marked, strength, W, H));
        // far inside the black half the strength drops; blocks 2 or more away from it keep theirs
        assertTrue(strength[5 * W + 4] < 0.5f, "black: " + strength[5 * W + 4]);
        assertEquals(1f, strength[5 * W + W - 1]);
    }

    private static float[] filled(float v) {
        float[] s = new float[W * H];
        Arrays.fill(s, v);
        return s;
    }

    private static boolean allEqual(float[] s, float v) {
        for (float f : s) {
            if (f != v) {
                return false;
            }
        }
        return true;
    }
}
