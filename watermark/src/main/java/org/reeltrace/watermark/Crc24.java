package org.reeltrace.watermark;

/** CRC-24/OPENPGP (RFC 4880): polynomial 0x864CFB, initial value 0xB704CE, no reflection. */
final class Crc24 {
    private static final int POLY = 0x864CFB;
    private static final int INIT = 0xB704CE;

    private Crc24() {
    }

    static int of(byte[] data) {
        int crc = INIT;
        for (byte b : data) {
            crc ^= (b & 0xff) << 16;
            for (int i = 0; i < 8; i++) {
                crc <<= 1;
                if ((crc & 0x1000000) != 0) {
                    crc ^= POLY;
                }
            }
        }
        return crc & 0xffffff;
    }

    /** CRC of the payload's 8 bytes, big-endian. */
    static int ofPayload(long payload) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (payload >>> (56 - 8 * i));
        }
        return of(b);
    }
}
