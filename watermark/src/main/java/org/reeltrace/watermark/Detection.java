package org.reeltrace.watermark;

/**
 * A detection result. {@code payload} is null unless {@code found}.
 *
 * @param confidence               1 - falsePositiveProbability when found; otherwise how close the best
 *                                 candidate came (never a payload)
 * @param falsePositiveProbability probability that unmarked content or a wrong key yields a
 *                                 result at least this strong
 * @param bitReliabilities         per coded bit, |soft value| / rms of all soft values, in codeword order
 * @param mode                     "blind" or "informed"
 */
public record Detection(boolean found, Long payload, double confidence, double falsePositiveProbability,
                        double[] bitReliabilities, String mode) {
}
