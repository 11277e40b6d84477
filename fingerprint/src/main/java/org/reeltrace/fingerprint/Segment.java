package org.reeltrace.fingerprint;

/** A stretch of the query that shows a stretch of the reference; times in seconds, similarity in [0,1]. */
public record Segment(double queryStart, double queryEnd, double refStart, double refEnd, double similarity) {
}
