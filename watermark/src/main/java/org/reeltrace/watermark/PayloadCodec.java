package org.reeltrace.watermark;

/**
 * The watermark message: 64-bit payload, then its CRC-24, both most significant bit first,
 * convolutionally encoded to {@link #CODED_BITS} bits (see docs/spec/watermark-v2.md).
 */
public final class PayloadCodec {
    static final int INFO_BITS = 64 + 24;
    /** Number of coded bits every picture carries. */
    public static final int CODED_BITS = 2 * (INFO_BITS + ConvolutionalCode.K - 1);

    private PayloadCodec() {
    }

    /** Coded bits (0/1) for the payload. */
    public static int[] encode(long payload) {
        int[] info = new int[INFO_BITS];
        for (int i = 0; i < 64; i++) {
            info[i] = (int) (payload >>> (63 - i)) & 1;
        }
        int crc = Crc24.ofPayload(payload);
        for (int i = 0; i < 24; i++) {
            info[64 + i] = (crc >>> (23 - i)) & 1;
        }
        return ConvolutionalCode.encode(info);
    }

    /**
     * Decodes soft values (positive = coded bit 1).
     *
     * @return the payload, whether its CRC checks, and the normalised correlation between the
     *     re-encoded codeword and the soft values (1 = perfect agreement)
     */
    public static Decoded decode(double[] soft) {
        int[] info = ConvolutionalCode.decode(soft, INFO_BITS);
        long payload = 0;
        for (int i = 0; i < 64; i++) {
            payload = (payload << 1) | info[i];
        }
        int crc = 0;
        for (int i = 0; i < 24; i++) {
            crc = (crc << 1) | info[64 + i];
        }
        boolean crcOk = crc == Crc24.ofPayload(payload);
        int[] coded = encode(payload);
        double dot = 0;
        double norm = 0;
        for (int i = 0; i < soft.length; i++) {
            dot += coded[i] == 1 ? soft[i] : -soft[i];
            norm += soft[i] * soft[i];
        }
        double cosine = norm == 0 ? 0 : dot / Math.sqrt(norm * soft.length);
        return new Decoded(payload, crcOk, cosine, coded);
    }

    /** A decoding result; {@code codeword} is the re-encoded payload. */
    public record Decoded(long payload, boolean crcOk, double cosine, int[] codeword) {
    }
}
