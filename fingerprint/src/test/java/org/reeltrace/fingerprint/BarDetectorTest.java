package org.reeltrace.fingerprint;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BarDetectorTest {
    static final int S = VideoHasher.PLANE;

    static List<byte[]> frames(int top, int bottom, int left, int right, int barValue) {
        SplittableRandom r = new SplittableRandom(4);
        List<byte[]> out = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            byte[] p = new byte[S * S];
            for (int y = 0; y < S; y++) {
                for (int x = 0; x < S; x++) {
                    boolean bar = y < top || y >= S - bottom || x < left || x >= S - right;
                    p[y * S + x] = (byte) (bar ? barValue : r.nextInt(20, 235));
                }
            }
            out.add(p);
        }
        return out;
    }

    @Test
    void letterboxBarsAreCut() {
        CropBox c = BarDetector.detect(frames(16, 16, 0, 0, 0), S, S);
        assertEquals(17, c.top());
        assertEquals(S - 17, c.bottom());
        assertEquals(0, c.left());
        assertEquals(S, c.right());
    }

    @Test
    void greyPillarboxBarsAreCut() {
        CropBox c = BarDetector.detect(frames(0, 0, 20, 20, 90), S, S);
        assertEquals(21, c.left());
        assertEquals(S - 21, c.right());
        assertEquals(0, c.top());
    }

    @Test
    void noBarsNoCrop() {
        assertEquals(CropBox.full(S, S), BarDetector.detect(frames(0, 0, 0, 0, 0), S, S));
    }

    @Test
    void aMostlyBlackPictureIsNotABar() {
        assertEquals(CropBox.full(S, S), BarDetector.detect(frames(50, 50, 0, 0, 0), S, S));
    }
}
