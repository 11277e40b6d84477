package org.reeltrace.fingerprint;

/** A segment with the evidence behind it: false-match probability and which signal found it. */
record ScoredSegment(Segment segment, double falseMatchProbability, String signal) {

    double offset() {
        return segment.refStart() - segment.queryStart();
    }
}
