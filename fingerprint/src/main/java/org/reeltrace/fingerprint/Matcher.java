package org.reeltrace.fingerprint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds where a query shows a reference: video alignment in three modes (whole picture,
 * picture-in-picture, sub-regions) and audio alignment, merged into segments with a
 * false-match probability and a calibrated score.
 */
public final class Matcher {
    private Matcher() {
    }

    public static Comparison compare(Fingerprint query, Fingerprint reference) {
        return summarize(scored(query, reference));
    }

    /** Merged, clamped segments with their evidence, in query order. */
    static List<ScoredSegment> scored(Fingerprint query, Fingerprint reference) {
        List<ScoredSegment> all = new ArrayList<>();
        if (query.hasVideo() && reference.hasVideo()) {
            for (FrameEvidence mode : FrameEvidence.values()) {
                for (ScoredSegment s : VideoAligner.align(query.video, reference.video, mode)) {
                    // every mode was a hypothesis: count them in the multiple-testing correction
                    all.add(new ScoredSegment(s.segment(), Math.min(1, s.falseMatchProbability() * FrameEvidence.values().length), s.signal()));
                }
            }
        }
        if (query.hasAudio() && reference.hasAudio()) {
            all.addAll(AudioAligner.align(query.audio, reference.audio));
        }
        return clamp(SegmentMerger.merge(all), query.durationSeconds(), reference.durationSeconds());
    }

    /** Grid frames stand for a quarter second each: keep segment ends inside the actual durations. */
    private static List<ScoredSegment> clamp(List<ScoredSegment> segments, double queryLength, double refLength) {
        List<ScoredSegment> out = new ArrayList<>();
        for (ScoredSegment s : segments) {
            Segment g = s.segment();
            double qe = queryLength > g.queryStart() ? Math.min(g.queryEnd(), queryLength) : g.queryEnd();
            double re = refLength > g.refStart() ? Math.min(g.refEnd(), refLength) : g.refEnd();
            out.add(new ScoredSegment(new Segment(round(g.queryStart()), round(qe), round(g.refStart()), round(re), round(g.similarity())),
                    s.falseMatchProbability(), s.signal()));
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static Comparison summarize(List<ScoredSegment> segments) {
        if (segments.isEmpty()) {
            return new Comparison(0, 1, List.of());
        }
        double fmp = 1;
        double similarity = 0;
        for (ScoredSegment s : segments) {
            fmp = Math.min(fmp, s.falseMatchProbability());
            similarity = Math.max(similarity, s.segment().similarity());
        }
        return new Comparison(score(similarity, fmp), fmp, segments.stream().map(ScoredSegment::segment).toList());
    }

    /**
     * Score: the best segment similarity, discounted while the evidence is weaker than a false-match
     * probability of 1e-12 (linear in -log10 of it), so it reflects both how alike and how sure.
     */
    static double score(double similarity, double fmp) {
        double certainty = Math.min(1, -Math.log10(Math.max(fmp, 1e-300)) / 12);
        return Math.round(Math.max(0, Math.min(1, similarity * (0.5 + 0.5 * certainty))) * 1000) / 1000.0;
    }

    static final Comparator<ScoredSegment> BY_QUERY_START = Comparator.comparingDouble(s -> s.segment().queryStart());
}
