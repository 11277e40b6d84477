package org.reeltrace.fingerprint;

import java.util.List;

/** A catalogued work found in a suspect, with where (segments) and how sure (score, false-match probability). */
public record CatalogMatch(Work work, double score, double falseMatchProbability, List<Segment> segments) {
}
