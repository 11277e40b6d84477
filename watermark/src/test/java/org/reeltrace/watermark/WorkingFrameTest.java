package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class WorkingFrameTest {
    /** The byte path skips the full-size float copy; it must give the float path's result exactly. */
    @Test
    void resamplingBytesEqualsResamplingTheirFloats() {
        int[][] cases = {{1920, 1080, 512, 288}, {1280, 720, 512, 288}, {641, 359, 512, 288}, {300, 200, 512, 288}, {97, 61, 40, 24}};
        SplittableRandom random = new SplittableRandom(5);
        for (int[] c : cases) {
            byte[] luma = new byte[c[0] * c[1]];
            for (int i = 0; i < luma.length; i++) {
                luma[i] = (byte) random.nextInt(256);
            }
            assertArrayEquals(WorkingFrame.resample(WorkingFrame.toFloat(luma), c[0], c[1], c[2], c[3]),
                    WorkingFrame.resample(luma, c[0], c[1], c[2], c[3]), 0f, c[0] + "x" + c[1]);
        }
    }

    /** Summing each output column's pixels in a register keeps the order of the plain scatter. */
    @Test
    void downscalingFloatsAddsInTheSameOrderAsAPlainScatter() {
        SplittableRandom random = new SplittableRandom(6);
        int w = 1001;
        int h = 563;
        int ow = 512;
        int oh = 288;
        float[] src = new float[w * h];
        for (int i = 0; i < src.length; i++) {
            src[i] = (float) random.nextDouble(0, 3);
        }
        float[] expected = new float[ow * oh];
        float[] count = new float[ow * oh];
        for (int y = 0; y < h; y++) {
            int by = Math.min(oh - 1, (int) ((y + 0.5) * oh / h)) * ow;
            for (int x = 0; x < w; x++) {
                int bx = Math.min(ow - 1, (int) ((x + 0.5) * ow / w));
                expected[by + bx] += src[y * w + x];
                count[by + bx]++;
            }
        }
        for (int i = 0; i < expected.length; i++) {
            expected[i] = count[i] == 0 ? 0 : expected[i] / count[i];
        }
        assertArrayEquals(expected, WorkingFrame.resample(src, w, h, ow, oh), 0f);
    }
}
