package org.reeltrace.watermark;

/**
 * The rate-1/2, constraint-length-7 convolutional code (generators 171 and 133 octal, the
 * NASA/802.11 code), zero-terminated, with a soft-decision Viterbi decoder.
 */
final class ConvolutionalCode {
    static final int K = 7;
    private static final int G0 = 0171;
    private static final int G1 = 0133;
    private static final int STATES = 1 << (K - 1);

    private ConvolutionalCode() {
    }

    /** Encodes bits (0/1), appending K-1 zero tail bits: 2 * (n + 6) coded bits. */
    static int[] encode(int[] bits) {
        int steps = bits.length + K - 1;
        int[] out = new int[2 * steps];
        int reg = 0;
        for (int i = 0; i < steps; i++) {
            int b = i < bits.length ? bits[i] : 0;
            reg = ((reg << 1) | b) & 0x7f;
            out[2 * i] = Integer.bitCount(reg & G0) & 1;
            out[2 * i + 1] = Integer.bitCount(reg & G1) & 1;
        }
        return out;
    }

    /**
     * Maximum-likelihood decoding of soft values (positive = coded bit 1, magnitude = reliability)
     * into {@code infoBits} information bits; the path must end in the all-zero state.
     */
    static int[] decode(double[] soft, int infoBits) {
        int steps = infoBits + K - 1;
        if (soft.length != 2 * steps) {
            throw new IllegalArgumentException("expected " + 2 * steps + " soft values, got " + soft.length);
        }
        double[] metric = new double[STATES];
        double[] next = new double[STATES];
        java.util.Arrays.fill(metric, Double.NEGATIVE_INFINITY);
        metric[0] = 0;
        // survivor[i][state] = previous state's input bit history, stored as the predecessor state
        byte[][] from = new byte[steps][STATES];
        int[] outA = new int[2 * STATES];
        int[] outB = new int[2 * STATES];
        for (int s = 0; s < STATES; s++) {
            for (int b = 0; b < 2; b++) {
                int reg = ((s << 1) | b) & 0x7f;
                outA[s * 2 + b] = Integer.bitCount(reg & G0) & 1;
                outB[s * 2 + b] = Integer.bitCount(reg & G1) & 1;
            }
        }
        for (int i = 0; i < steps; i++) {
            java.util.Arrays.fill(next, Double.NEGATIVE_INFINITY);
            double a = soft[2 * i];
            double c = soft[2 * i + 1];
            int maxBit = i < infoBits ? 1 : 0;
            for (int s = 0; s < STATES; s++) {
                double m = metric[s];
                if (m == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                for (int b = 0; b <= maxBit; b++) {
                    int ns = ((s << 1) | b) & (STATES - 1);
                    double branch = (outA[s * 2 + b] == 1 ? a : -a) + (outB[s * 2 + b] == 1 ? c : -c);
                    double cand = m + branch;
                    if (cand > next[ns]) {
                        next[ns] = cand;
                        from[i][ns] = (byte) s;
                    }
                }
            }
            double[] t = metric;
            metric = next;
            next = t;
        }
        int[] bits = new int[infoBits];
        int state = 0;
        for (int i = steps - 1; i >= 0; i--) {
            if (i < infoBits) {
                bits[i] = state & 1;
            }
            state = from[i][state] & 0xff;
        }
        return bits;
    }
}
