package org.reeltrace.media;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class QuarterTurnsTest {
    // 3 x 2:  a b c
    //         d e f
    private static final byte[] PICTURE = {'a', 'b', 'c', 'd', 'e', 'f'};

    @Test
    void aClockwiseTurnPutsTheLeftColumnOnTopReadBottomUp() {
        assertArrayEquals(new byte[] {'d', 'a', 'e', 'b', 'f', 'c'}, turned(1));
        assertEquals(2, QuarterTurns.width(3, 2, 1));
        assertEquals(3, QuarterTurns.height(3, 2, 1));
    }

    @Test
    void halfAndThreeQuarterTurns() {
        assertArrayEquals(new byte[] {'f', 'e', 'd', 'c', 'b', 'a'}, turned(2));
        assertArrayEquals(new byte[] {'c', 'f', 'b', 'e', 'a', 'd'}, turned(3));
        assertArrayEquals(PICTURE, turned(0));
        assertArrayEquals(PICTURE, turned(4));
    }

    @Test
    void theInverseRestoresThePicture() {
        for (int t = 0; t < 4; t++) {
            byte[] back = new byte[6];
            QuarterTurns.rotate(turned(t), QuarterTurns.width(3, 2, t), QuarterTurns.height(3, 2, t), QuarterTurns.inverse(t), back);
            assertArrayEquals(PICTURE, back, "turns " + t);
        }
    }

    @Test
    void displayMatrixDegreesAreCounterClockwise() {
        // a matrix of 90 degrees (ffprobe's rotation=90) is shown a quarter turn counter-clockwise, as FFmpeg's autorotate does
        assertEquals(1, QuarterTurns.upright(-90));
        assertEquals(3, QuarterTurns.upright(90));
        assertEquals(2, QuarterTurns.upright(180));
        assertEquals(2, QuarterTurns.upright(-180));
        assertEquals(0, QuarterTurns.upright(0));
        assertEquals(0, QuarterTurns.upright(Double.NaN));
    }

    private static byte[] turned(int turns) {
        byte[] out = new byte[6];
        QuarterTurns.rotate(PICTURE, 3, 2, turns, out);
        return out;
    }
}
