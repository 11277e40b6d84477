package org.reeltrace.watermark;

/**
 * Turns a decoded soft vector into a decision and a false-positive probability.
 *
 * <p>Under "no watermark" (unmarked content or a wrong key) the soft values are independent,
 * zero-mean noise. The Viterbi decoder then returns the codeword closest to that noise: its
 * cosine with the soft vector follows a distribution measured by simulation
 * ({@link #H0_COSINE_MEAN}, {@link #H0_COSINE_SD}; PayloadCodecTest re-measures them) and, on
 * top of that, the CRC-24 of a random decode checks with probability 2^-24. A payload is
 * reported only when the CRC checks AND the cosine clears {@link #COSINE_THRESHOLD}.
 */
final class DetectionStatistics {
    static final double H0_COSINE_MEAN = 0.453;
    static final double H0_COSINE_SD = 0.046;
    /** 4 standard deviations above the no-watermark mean (tail 3e-5, before the CRC). */
    static final double COSINE_THRESHOLD = H0_COSINE_MEAN + 4 * H0_COSINE_SD;
    private static final double CRC_PASS = Math.pow(2, -24);

    private DetectionStatistics() {
    }

    /**
     * Probability that unmarked content, tried under {@code hypotheses} geometries, yields a
     * CRC-valid decode with a cosine of at least {@code cosine}.
     */
    static double falsePositiveProbability(double cosine, int hypotheses) {
        double z = (cosine - H0_COSINE_MEAN) / H0_COSINE_SD;
        return Math.min(1.0, hypotheses * CRC_PASS * upperTail(z));
    }

    /** P(N(0,1) > z), via erfc (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7). */
    static double upperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
