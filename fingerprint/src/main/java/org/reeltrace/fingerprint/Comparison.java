package org.reeltrace.fingerprint;

import java.util.List;

/**
 * Result of comparing a query with one reference.
 *
 * @param score                 calibrated in [0,1]; 0 when nothing matches
 * @param falseMatchProbability chance that unrelated content produces evidence this strong; 1 when nothing matches
 * @param segments              matching segments in query order; empty when nothing matches
 */
public record Comparison(double score, double falseMatchProbability, List<Segment> segments) {

    public boolean matches() {
        return !segments.isEmpty();
    }
}
