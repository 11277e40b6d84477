package org.reeltrace.cli.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/**
 * The self-contained HTML report of a trace: no external resources (images are embedded as data
 * URIs, charts are inline SVG), readable by a lawyer, with every hash and the exact command so a
 * second expert can re-run it.
 */
final class EvidenceReport {
    private EvidenceReport() {
    }

    static String html(Evidence e, Path dir) throws IOException {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<title>reeltrace evidence report</title>\n<style>")
                .append("body{font-family:Georgia,serif;max-width:60em;margin:2em auto;padding:0 1em;color:#111;background:#fff}")
                .append("h1{font-size:1.6em;border-bottom:2px solid #333}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #bbb}")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}")
                .append("code,.mono{font-family:Menlo,Consolas,monospace;font-size:.85em;word-break:break-all}")
                .append(".verdict{font-size:1.15em;background:#f3f0e6;border-left:6px solid #8a6d1d;padding:.8em 1em}")
                .append(".pair{display:flex;gap:1em;margin:.8em 0}.pair figure{margin:0;flex:1}.pair img{width:100%;border:1px solid #999}")
                .append("figcaption{font-size:.85em;color:#444}pre{white-space:pre-wrap}")
                .append("</style></head><body>\n");
        h.append("<h1>Leak investigation report</h1>\n");
        h.append("<p class=\"verdict\" id=\"conclusion\">").append(esc(e.conclusion())).append("</p>\n");

        h.append("<h2>What was examined</h2>\n<table><tr><th>role</th><th>file</th><th>SHA-256</th></tr>\n");
        for (Evidence.FileRef f : e.filesExamined()) {
            h.append("<tr><td>").append(esc(f.role())).append("</td><td class=\"mono\">").append(esc(f.path()))
                    .append("</td><td class=\"mono\">").append(esc(f.sha256())).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Which work</h2>\n");
        if (e.work() == null) {
            h.append("<p>The leak matched no work in the catalog.</p>\n");
        } else {
            h.append("<p>Work <b>").append(esc(e.work().title())).append("</b> (id <code>").append(esc(e.work().workId()))
                    .append("</code>, ").append(String.format(Locale.ROOT, "%.1f", e.work().durationSeconds())).append(" s).");
            if (e.match() != null) {
                h.append(" Fingerprint score ").append(String.format(Locale.ROOT, "%.3f", e.match().score()))
                        .append("; the chance that unrelated video matches this well is ")
                        .append(inWords(e.match().falseMatchProbability())).append('.');
            }
            h.append("</p>\n");
            if (e.match() != null && !e.match().segments().isEmpty()) {
                h.append(timeline(e.match(), e.work().durationSeconds()));
                h.append("<table><tr><th>leak from</th><th>to</th><th>original from</th><th>to</th><th>similarity</th></tr>\n");
                for (Evidence.SegmentRef s : e.match().segments()) {
                    h.append(String.format(Locale.ROOT, "<tr><td>%.2f s</td><td>%.2f s</td><td>%.2f s</td><td>%.2f s</td><td>%.3f</td></tr>%n",
                            s.queryStart(), s.queryEnd(), s.refStart(), s.refEnd(), s.similarity()));
                }
                h.append("</table>\n");
            }
        }

        if (!e.frames().isEmpty()) {
            h.append("<h2>Matched frames, side by side</h2>\n");
            for (Evidence.FramePair p : e.frames()) {
                h.append("<div class=\"pair\"><figure><img alt=\"original frame\" src=\"").append(dataUri(dir.resolve(p.originalImage())))
                        .append("\"><figcaption>original at ").append(String.format(Locale.ROOT, "%.2f", p.originalTime()))
                        .append(" s</figcaption></figure><figure><img alt=\"leak frame\" src=\"").append(dataUri(dir.resolve(p.leakImage())))
                        .append("\"><figcaption>leak at ").append(String.format(Locale.ROOT, "%.2f", p.leakTime()))
                        .append(" s</figcaption></figure></div>\n");
            }
        }

        h.append("<h2>Whose copy</h2>\n");
        Evidence.WatermarkRef wm = e.watermark();
        if (wm == null || !wm.found()) {
            h.append("<p>No watermark was found with key <code>").append(wm == null ? "" : esc(wm.keyId()))
                    .append("</code>. reeltrace names no one when it is unsure.</p>\n");
        } else {
            h.append("<p>The watermark (").append(esc(wm.mode())).append(" detection, key id <code>").append(esc(wm.keyId()))
                    .append("</code>) carries payload <code>").append(esc(wm.payloadHex())).append("</code> (")
                    .append(esc(wm.payload())).append(").");
            if (e.recipient() != null) {
                h.append(" The catalog assigned it to <b>").append(esc(e.recipient().name())).append("</b> on ")
                        .append(esc(e.recipient().releasedAt())).append(" (copy <code>").append(esc(e.recipient().copySha256()))
                        .append("</code>).");
            }
            h.append("</p>\n<p><b>Chance of a false accusation:</b> if this copy had carried no watermark, or another key's, the chance that the ")
                    .append("detector would still read a valid ID is ").append(inWords(wm.falsePositiveProbability()))
                    .append(String.format(Locale.ROOT, " (%.3g). Detector confidence %.6f.", wm.falsePositiveProbability(), wm.confidence()))
                    .append("</p>\n");
            if (wm.bitReliabilities() != null && wm.bitReliabilities().length > 0) {
                h.append("<p>Per-bit confidence of the recovered code word (taller is surer):</p>\n").append(bitChart(wm.bitReliabilities()));
            }
        }

        h.append("<h2>Chain receipts</h2>\n");
        if (e.anchors().isEmpty()) {
            h.append("<p>No on-chain receipts were found for this copy.</p>\n");
        } else {
            h.append("<table><tr><th>receipt</th><th>valid</th><th>block</th><th>block time</th><th>detail</th></tr>\n");
            for (ReceiptChecking.Check c : e.anchors()) {
                h.append("<tr><td class=\"mono\">").append(esc(c.receipt())).append("</td><td>").append(c.valid() ? "yes" : "no")
                        .append("</td><td>").append(c.blockNumber() == null ? "" : c.blockNumber()).append("</td><td>")
                        .append(esc(c.blockTime())).append("</td><td>").append(esc(c.detail())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        h.append("<h2>How to re-run</h2>\n<p>").append(esc(e.tool().name())).append(' ').append(esc(e.tool().version()))
                .append(", commit <code>").append(esc(e.tool().commit())).append("</code>, on ").append(esc(e.createdAt()))
                .append(":</p>\n<pre class=\"mono\">").append(esc(e.tool().command())).append("</pre>\n")
                .append("<p>The machine-readable record of everything above is <code>evidence.json</code> beside this report.</p>\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    /** A probability in words a non-specialist can weigh. */
    static String inWords(double p) {
        if (Double.isNaN(p)) {
            return "unknown";
        }
        if (p <= 0) {
            return "too small to measure";
        }
        if (p < 1e-12) {
            return "less than one in a trillion";
        }
        if (p >= 0.5) {
            return String.format(Locale.ROOT, "%.0f%%", p * 100);
        }
        double oneIn = 1 / p;
        String[][] scales = {{"1e9", "billion"}, {"1e6", "million"}, {"1e3", "thousand"}};
        for (String[] s : scales) {
            double unit = Double.parseDouble(s[0]);
            if (oneIn >= unit) {
                return String.format(Locale.ROOT, "about one in %.0f %s", oneIn / unit, s[1]);
            }
        }
        return String.format(Locale.ROOT, "about one in %.0f", oneIn);
    }

    private static String timeline(Evidence.MatchRef match, double workSeconds) {
        double maxQuery = match.segments().stream().mapToDouble(Evidence.SegmentRef::queryEnd).max().orElse(1);
        double span = Math.max(1, Math.max(workSeconds, maxQuery));
        int w = 800;
        StringBuilder s = new StringBuilder();
        s.append("<svg role=\"img\" aria-label=\"timeline of matched segments\" width=\"100%\" viewBox=\"0 0 ").append(w + 120)
                .append(" 90\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\" font-size=\"12\">")
                .append("<text x=\"0\" y=\"22\">original</text><text x=\"0\" y=\"72\">leak</text>")
                .append("<rect x=\"100\" y=\"10\" width=\"").append(w).append("\" height=\"18\" fill=\"#eee\"/>")
                .append("<rect x=\"100\" y=\"60\" width=\"").append(w).append("\" height=\"18\" fill=\"#eee\"/>");
        for (Evidence.SegmentRef seg : match.segments()) {
            double r0 = 100 + w * seg.refStart() / span;
            double r1 = 100 + w * seg.refEnd() / span;
            double q0 = 100 + w * seg.queryStart() / span;
            double q1 = 100 + w * seg.queryEnd() / span;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"10\" width=\"%.1f\" height=\"18\" fill=\"#8a6d1d\"/>", r0, Math.max(1, r1 - r0)))
                    .append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"60\" width=\"%.1f\" height=\"18\" fill=\"#1d4f8a\"/>", q0, Math.max(1, q1 - q0)))
                    .append(String.format(Locale.ROOT, "<polygon points=\"%.1f,28 %.1f,28 %.1f,60 %.1f,60\" fill=\"#8a6d1d\" opacity=\"0.25\"/>", r0, r1, q1, q0));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"100\" y=\"45\">0 s</text><text x=\"%d\" y=\"45\" text-anchor=\"end\">%.0f s</text>", 100 + w, span));
        return s.append("</svg>\n").toString();
    }

    private static String bitChart(double[] reliabilities) {
        int n = reliabilities.length;
        double max = 1e-9;
        for (double r : reliabilities) {
            max = Math.max(max, Math.abs(r));
        }
        int barW = Math.max(2, 800 / n);
        StringBuilder s = new StringBuilder();
        s.append("<svg role=\"img\" aria-label=\"per-bit confidence\" width=\"100%\" viewBox=\"0 0 ").append(barW * n)
                .append(" 80\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (int i = 0; i < n; i++) {
            double hgt = 78 * Math.abs(reliabilities[i]) / max;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"#1d4f8a\"/>",
                    i * barW, 80 - hgt, Math.max(1, barW - 1), hgt));
        }
        return s.append("</svg>\n").toString();
    }

    private static String dataUri(Path png) throws IOException {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png));
    }

    private static String esc(Object o) {
        if (o == null) {
            return "";
        }
        return o.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
