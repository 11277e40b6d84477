package org.reeltrace.fingerprint;

import java.util.ArrayList;
import java.util.List;

/**
 * Merges segments that different signals (whole picture, regions, audio) found for the same stretch
 * of the query on the same alignment: the union of their spans, the strongest evidence kept.
 * Segments on other alignments (a repeated scene, a second excerpt) stay separate.
 */
final class SegmentMerger {
    private static final double SAME_OFFSET = 1.0;
    private static final double TOUCHING = 1.0;

    private SegmentMerger() {
    }

    static List<ScoredSegment> merge(List<ScoredSegment> input) {
        List<ScoredSegment> sorted = new ArrayList<>(input);
        sorted.sort(Matcher.BY_QUERY_START);
        List<ScoredSegment> out = new ArrayList<>();
        for (ScoredSegment s : sorted) {
            boolean merged = false;
            for (int k = 0; k < out.size(); k++) {
                ScoredSegment o = out.get(k);
                if (Math.abs(o.offset() - s.offset()) <= SAME_OFFSET
                        && s.segment().queryStart() <= o.segment().queryEnd() + TOUCHING
                        && o.segment().queryStart() <= s.segment().queryEnd() + TOUCHING) {
                    out.set(k, union(o, s));
                    merged = true;
                    break;
                }
            }
            if (!merged) {
                out.add(s);
            }
        }
        out.sort(Matcher.BY_QUERY_START);
        return out;
    }

    private static int rank(ScoredSegment s) {
        return switch (s.signal()) {
            case "whole" -> 0;
            case "cropped" -> 1;
            case "inset" -> 2;
            case "regions" -> 3;
            default -> 4;
        };
    }

    private static ScoredSegment union(ScoredSegment a, ScoredSegment b) {
        // keep the alignment of the stronger evidence; whole-picture video times frames best
        ScoredSegment lead = rank(b) < rank(a) || (rank(b) == rank(a) && b.falseMatchProbability() < a.falseMatchProbability()) ? b : a;
        Segment x = a.segment();
        Segment y = b.segment();
        double qs = Math.min(x.queryStart(), y.queryStart());
        double qe = Math.max(x.queryEnd(), y.queryEnd());
        double offset = lead.offset();
        double speed = (lead.segment().refEnd() - lead.segment().refStart()) / Math.max(1e-9, lead.segment().queryEnd() - lead.segment().queryStart());
        double rs = Math.max(0, lead.segment().refStart() + (qs - lead.segment().queryStart()) * speed);
        double re = lead.segment().refStart() + (qe - lead.segment().queryStart()) * speed;
        if (!Double.isFinite(offset)) {
            rs = Math.min(x.refStart(), y.refStart());
        }
        Segment seg = new Segment(qs, qe, rs, re, Math.max(x.similarity(), y.similarity()));
        return new ScoredSegment(seg, Math.min(a.falseMatchProbability(), b.falseMatchProbability()), lead.signal());
    }
}
