package org.reeltrace.drm.cenc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RbspBitsTest {
    @Test
    void emulationPreventionBytesAreSkippedButCountedAsStoredBytes() throws Exception {
        // 00 00 03 01: the RBSP is 00 00 01; reading its 24 bits touches all 4 stored bytes
        byte[] b = {0x00, 0x00, 0x03, 0x01, (byte) 0x80};
        RbspBits r = new RbspBits(b, 0, b.length);
        assertEquals(0x000001, r.bits(24));
        assertEquals(24, r.rbspBitsRead());
        assertEquals(4, r.storedBytesRead(0));
        // a 03 that does not follow two zeros is data
        byte[] c = {0x00, 0x03, 0x03};
        RbspBits s = new RbspBits(c, 0, c.length);
        assertEquals(0x000303, s.bits(24));
        assertEquals(3, s.storedBytesRead(0));
    }

    @Test
    void expGolombCodes() throws Exception {
        // ue: 1 -> 0, 010 -> 1, 011 -> 2, 00100 -> 3; se: 010 -> +1, 011 -> -1
        byte[] b = {(byte) 0b1010_0110, (byte) 0b0100_0100, (byte) 0b1100_0000};
        RbspBits r = new RbspBits(b, 0, b.length);
        assertEquals(0, r.ue());
        assertEquals(1, r.ue());
        assertEquals(2, r.ue());
        assertEquals(3, r.ue());
        assertEquals(1, r.se());
        assertEquals(-1, r.se());
        assertThrows(RbspBits.OutOfData.class, () -> r.bits(8));
        byte[] zeros = new byte[6];
        zeros[5] = 1;
        assertThrows(RbspBits.Malformed.class, () -> new RbspBits(zeros, 0, zeros.length).ue());
    }
}
