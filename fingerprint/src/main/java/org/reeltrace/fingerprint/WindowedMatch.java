package org.reeltrace.fingerprint;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns a suspect with a long reference only where the index votes pointed: windows of the
 * reference around each voted offset, wide enough for the suspect at +-5% speed plus the vote
 * bin. The false-match probability is corrected as if the whole reference and every catalogued
 * work had been searched, so a window does not make weak evidence look strong.
 */
final class WindowedMatch {
    private static final double MARGIN = CandidateSearch.OFFSET_BIN + 8;

    private WindowedMatch() {
    }

    static Comparison compare(Fingerprint suspect, StoredFingerprint reference, List<Double> offsets, int catalogWorks) throws FingerprintException {
        return plan(suspect.durationSeconds(), reference, offsets, catalogWorks).compare(suspect);
    }

    /** The windows of one reference to align a suspect with, read from its stored bytes, and the multiple-testing correction. */
    record Plan(List<Fingerprint> parts, List<Double> shifts, double correction) {

        /** Aligns the suspect with every window (pure computation: safe to run on any thread). */
        Comparison compare(Fingerprint suspect) {
            List<ScoredSegment> all = new ArrayList<>();
            for (int p = 0; p < parts.size(); p++) {
                double shift = shifts.get(p);
                for (ScoredSegment s : Matcher.scored(suspect, parts.get(p))) {
                    Segment g = s.segment();
                    all.add(new ScoredSegment(new Segment(g.queryStart(), g.queryEnd(), g.refStart() + shift, g.refEnd() + shift, g.similarity()),
                            Math.min(1, s.falseMatchProbability() * correction), s.signal()));
                }
            }
            List<ScoredSegment> kept = new ArrayList<>();
            for (ScoredSegment s : SegmentMerger.merge(all)) {
                if (s.falseMatchProbability() <= NullModel.ACCEPT) {
                    kept.add(s);
                }
            }
            return Matcher.summarize(kept);
        }
    }

    static Plan plan(double suspectSeconds, StoredFingerprint reference, List<Double> offsets, int catalogWorks) throws FingerprintException {
        double length = suspectSeconds * 1.05;
        List<double[]> windows = new ArrayList<>();
        for (double offset : offsets) {
            windows.add(new double[] {Math.max(0, offset - MARGIN), Math.min(reference.durationSeconds(), offset + length + MARGIN)});
        }
        windows.sort((a, b) -> Double.compare(a[0], b[0]));
        List<double[]> merged = new ArrayList<>();
        for (double[] w : windows) {
            if (!merged.isEmpty() && w[0] <= merged.get(merged.size() - 1)[1]) {
                merged.get(merged.size() - 1)[1] = Math.max(merged.get(merged.size() - 1)[1], w[1]);
            } else if (w[1] > w[0]) {
                merged.add(w);
            }
        }
        double searched = 0;
        for (double[] w : merged) {
            searched += w[1] - w[0];
        }
        if (searched >= reference.durationSeconds() * 0.8) {
            merged = List.of(new double[] {0, reference.durationSeconds()});
            searched = reference.durationSeconds();
        }
        double correction = catalogWorks * Math.max(1, reference.durationSeconds() / Math.max(1e-9, searched));
        List<Fingerprint> parts = new ArrayList<>();
        List<Double> shifts = new ArrayList<>();
        for (double[] w : merged) {
            boolean whole = w[0] == 0 && w[1] >= reference.durationSeconds();
            parts.add(whole ? reference.slice(0, Double.POSITIVE_INFINITY) : reference.slice(w[0], w[1]));
            shifts.add(whole ? 0 : reference.sliceStart(w[0]));
        }
        return new Plan(parts, shifts, correction);
    }
}
