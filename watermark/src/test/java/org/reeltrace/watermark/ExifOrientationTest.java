package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;
import org.reeltrace.media.QuarterTurns;

import java.util.HexFormat;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ExifOrientationTest {
    // 3 x 2:  a b c
    //         d e f
    private static final byte[] STORED = {'a', 'b', 'c', 'd', 'e', 'f'};

    @Test
    void eachValueShowsThePictureAsTheTiffSpecificationSays() {
        assertArrayEquals(STORED, shown(1));
        assertArrayEquals(new byte[] {'c', 'b', 'a', 'f', 'e', 'd'}, shown(2), "mirrored");
        assertArrayEquals(new byte[] {'f', 'e', 'd', 'c', 'b', 'a'}, shown(3), "half turn");
        assertArrayEquals(new byte[] {'d', 'e', 'f', 'a', 'b', 'c'}, shown(4), "upside down mirror");
        assertArrayEquals(new byte[] {'a', 'd', 'b', 'e', 'c', 'f'}, shown(5), "transposed");
        assertArrayEquals(new byte[] {'d', 'a', 'e', 'b', 'f', 'c'}, shown(6), "a clockwise turn");
        assertArrayEquals(new byte[] {'f', 'c', 'e', 'b', 'd', 'a'}, shown(7), "transversed");
        assertArrayEquals(new byte[] {'c', 'f', 'b', 'e', 'a', 'd'}, shown(8), "a counter-clockwise turn");
        byte[] turned = new byte[6];
        QuarterTurns.rotate(STORED, 3, 2, 1, turned);
        assertArrayEquals(turned, shown(6), "the same clockwise turn as a video's display matrix");
    }

    @Test
    void storedUndoesShown() {
        for (int v = 1; v <= 8; v++) {
            ExifOrientation o = new ExifOrientation(v);
            assertArrayEquals(STORED, o.toStored(o.toShown(STORED, 3, 2), 3, 2), "orientation " + v);
            assertEquals(v >= 5 ? 2 : 3, o.shownWidth(3, 2));
        }
        assertEquals(1, new ExifOrientation(0).value(), "out of range: as stored");
    }

    @Test
    void readsTagTwoSeventyFourFromBothByteOrders() {
        byte[] little = HexFormat.of().parseHex("457869660000" + "49492a0008000000" + "0100" + "12010300" + "01000000" + "06000000" + "00000000");
        byte[] big = HexFormat.of().parseHex("457869660000" + "4d4d002a00000008" + "0001" + "01120003" + "00000001" + "00080000" + "00000000");
        assertEquals(Optional.of(6), ExifOrientation.fromExif(little));
        assertEquals(Optional.of(8), ExifOrientation.fromExif(big));
        assertEquals(Optional.empty(), ExifOrientation.fromExif(HexFormat.of().parseHex("457869660000" + "49492a00")), "truncated");
        assertEquals(Optional.empty(), ExifOrientation.fromExif(HexFormat.of().parseHex("687474703a2f2f6e732e61646f6265")), "XMP, not EXIF");
    }

    private static byte[] shown(int value) {
        return new ExifOrientation(value).toShown(STORED, 3, 2);
    }
}
