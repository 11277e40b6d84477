package org.reeltrace.watermark;

import org.reeltrace.fingerprint.Comparison;
import org.reeltrace.fingerprint.FingerprintException;
import org.reeltrace.fingerprint.Fingerprinter;
import org.reeltrace.fingerprint.Matcher;
import org.reeltrace.fingerprint.Segment;

import java.nio.file.Path;

/**
 * Where the suspect sits in the original's timeline: refTime = suspectTime + offset. The
 * fingerprint module's matching segments decide; when it finds none (very short or very flat
 * clips), a cross-correlation of per-picture mean luma takes over.
 */
final class TemporalAlignment {
    private TemporalAlignment() {
    }

    record Offset(double seconds, String method) {
    }

    static Offset find(Path suspect, Path reference) throws WatermarkException {
        try {
            Comparison c = Matcher.compare(Fingerprinter.fingerprint(suspect), Fingerprinter.reference(reference));
            Segment longest = null;
            for (Segment s : c.segments()) {
                if (longest == null || s.queryEnd() - s.queryStart() > longest.queryEnd() - longest.queryStart()) {
                    longest = s;
                }
            }
            if (longest != null) {
                return new Offset(longest.refStart() - longest.queryStart(), "fingerprint");
            }
        } catch (FingerprintException e) {
            // fall through to the luma correlation
        }
        return new Offset(byMeanLuma(WorkingClip.meanLuma(suspect), WorkingClip.meanLuma(reference)), "mean-luma");
    }

    /** Offset maximising the normalised correlation of mean-luma sequences (reference interpolated). */
    static double byMeanLuma(double[][] s, double[][] r) {
        int n = s[0].length;
        int m = r[0].length;
        if (n == 0 || m == 0) {
            return 0;
        }
        double step = m > 1 ? (r[0][m - 1] - r[0][0]) / (m - 1) : 0.04;
        double lo = r[0][0] - s[0][n - 1] * 0.5;
        double hi = r[0][m - 1] - s[0][0] * 0.5;
        double best = Double.NEGATIVE_INFINITY;
        double arg = 0;
        for (double off = Math.min(lo, 0); off <= Math.max(hi, 0); off += Math.max(step, 1e-3)) {
            double sa = 0;
            double sb = 0;
            double saa = 0;
            double sbb = 0;
            double sab = 0;
            int k = 0;
            for (int i = 0; i < n; i++) {
                double t = s[0][i] + off;
                if (t < r[0][0] || t > r[0][m - 1]) {
                    continue;
                }
                double b = interpolate(r, t);
                double a = s[1][i];
                sa += a;
                sb += b;
                saa += a * a;
                sbb += b * b;
                sab += a * b;
                k++;
            }
            if (k < Math.max(5, n / 2)) {
                continue;
            }
            double cov = sab - sa * sb / k;
            double va = saa - sa * sa / k;
            double vb = sbb - sb * sb / k;
            double ncc = va <= 1e-9 || vb <= 1e-9 ? 0 : cov / Math.sqrt(va * vb);
            // prefer small offsets on ties (flat clips)
            ncc -= 1e-6 * Math.abs(off);
            if (ncc > best) {
                best = ncc;
                arg = off;
            }
        }
        return arg;
    }

    private static double interpolate(double[][] r, double t) {
        int lo = 0;
        int hi = r[0].length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (r[0][mid] <= t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double t0 = r[0][lo];
        double t1 = r[0][hi];
        double f = t1 > t0 ? (t - t0) / (t1 - t0) : 0;
        return r[1][lo] + (r[1][hi] - r[1][lo]) * Math.max(0, Math.min(1, f));
    }
}
