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
    private static final double NEARBY_OFFSET = 2.0;

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
                boolean sameAlignment = Math.abs(o.offset() - s.offset()) <= SAME_OFFSET
                        && s.segment().queryStart() <= o.segment().queryEnd() + TOUCHING
                        && o.segment().queryStart() <= s.segment().queryEnd() + TOUCHING;
                if (sameAlignment || sameCopyTimedLessWell(o, s)) {
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

    /**
     * A sub-picture match (inset, regions) covering mostly the same stretch of the query as a
     * whole-picture match, a little off its offset, is the same copy timed less well: on a nearly
     * still shot the sub-pictures cannot tell nearby offsets apart, the whole picture's change can
     * (VideoAligner settles whole-picture lines on it).
     */
    private static boolean sameCopyTimedLessWell(ScoredSegment a, ScoredSegment b) {
        boolean wholeAndPart = (rank(a) <= 1 && (rank(b) == 2 || rank(b) == 3)) || (rank(b) <= 1 && (rank(a) == 2 || rank(a) == 3));
        if (!wholeAndPart || Math.abs(a.offset() - b.offset()) > NEARBY_OFFSET) {
            return false;
        }
        Segment x = a.segment();
        Segment y = b.segment();
        double overlap = Math.min(x.queryEnd(), y.queryEnd()) - Math.max(x.queryStart(), y.queryStart());
        double shorter = Math.min(x.queryEnd() - x.queryStart(), y.queryEnd() - y.queryStart());
        return overlap >= 0.5 * shorter;
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
