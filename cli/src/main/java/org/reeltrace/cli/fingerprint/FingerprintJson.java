package org.reeltrace.cli.fingerprint;

import org.reeltrace.fingerprint.CatalogMatch;
import org.reeltrace.fingerprint.Comparison;
import org.reeltrace.fingerprint.Segment;
import org.reeltrace.fingerprint.Work;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The contract's JSON shapes (docs/cli.md) and the matching human lines for fingerprint results. */
final class FingerprintJson {
    private FingerprintJson() {
    }

    static Map<String, Object> match(String workId, String title, double score, double fmp, List<Segment> segments) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workId", workId);
        m.put("title", title);
        m.put("score", score);
        m.put("falseMatchProbability", fmp);
        m.put("segments", segments.stream().map(FingerprintJson::segment).toList());
        return m;
    }

    static Map<String, Object> match(CatalogMatch c) {
        return match(c.work().workId(), c.work().title(), c.score(), c.falseMatchProbability(), c.segments());
    }

    static Map<String, Object> match(String workId, String title, Comparison c) {
        return match(workId, title, c.score(), c.falseMatchProbability(), c.segments());
    }

    static Map<String, Object> segment(Segment s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queryStart", s.queryStart());
        m.put("queryEnd", s.queryEnd());
        m.put("refStart", s.refStart());
        m.put("refEnd", s.refEnd());
        m.put("similarity", s.similarity());
        return m;
    }

    static Map<String, Object> work(Work w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workId", w.workId());
        m.put("title", w.title());
        m.put("owner", w.owner());
        m.put("sourcePath", w.sourcePath());
        m.put("sourceSha256", w.sourceSha256());
        m.put("durationSeconds", w.durationSeconds());
        m.put("added", w.added().toString());
        return m;
    }

    static String segmentLine(Segment s) {
        return String.format(Locale.ROOT, "  query %s-%s  <->  reference %s-%s  similarity %.2f",
                time(s.queryStart()), time(s.queryEnd()), time(s.refStart()), time(s.refEnd()), s.similarity());
    }

    static String matchLine(String name, double score, double fmp) {
        return String.format(Locale.ROOT, "%s: score %.3f, false-match probability %.1e", name, score, fmp);
    }

    /** h:mm:ss.s for long media, s.ss for short. */
    static String time(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.2fs", seconds);
        }
        long tenths = Math.round(seconds * 10);
        return String.format(Locale.ROOT, "%d:%02d:%02d.%d", tenths / 36000, tenths / 600 % 60, tenths / 10 % 60, tenths % 10);
    }
}
