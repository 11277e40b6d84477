package org.reeltrace.fingerprint;

/**
 * Measured behaviour of unrelated content, which turns evidence into a false-match probability.
 * The numbers come from NullDistributionIT (see docs/spec/rtfp-v1.md, "Calibration"): the
 * probability that an informative query frame of unrelated content lands within
 * {@link #MATCH_DISTANCE} of some reference frame in the +-1 frame window of an alignment line.
 */
final class NullModel {
    /** frame pairs at most this far apart (of 256 bits) count as a hit */
    static final int MATCH_DISTANCE = 70;
    /** frame pairs further apart than this never vote for an alignment */
    static final int CANDIDATE_DISTANCE = 86;
    /** a query frame whose hash moved more than this from the last counted one is new evidence */
    static final int CHANGE_DISTANCE = 28;
    /** segments with less independent evidence than this are never reported */
    static final int MIN_UNITS = 3;
    /** report a segment when its false-match probability is at most this */
    static final double ACCEPT = 1e-6;

    private NullModel() {
    }

    /** Per-frame hit probability on a fixed alignment line for unrelated content, by mode. */
    static double hitProbability(FrameEvidence mode) {
        return switch (mode) {
            case WHOLE, CROPPED -> 1e-3;
            case INSET, REGIONS -> 3e-3;
        };
    }
}
