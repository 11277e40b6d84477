package org.reeltrace.watermark;

import java.util.List;

/**
 * Registers a suspect picture against the original: letterbox bars found first, then the
 * suspect's content is searched as a scaled, shifted window of the original (crop, resize,
 * pad), coarse grid first, then a pattern search on normalised cross-correlation summed over
 * several aligned picture pairs. Model: the suspect is first turned back by {@code tilt} radians
 * about the centre of its content box (a copy filmed or re-framed at an angle), then
 * refX = ax * x + bx, refY = ay * y + by (working-resolution pixel centres).
 */
final class SpatialRegistration {
    private SpatialRegistration() {
    }

    /** The mapping and the suspect's content rectangle [x0, x1) x [y0, y1). */
    record Mapping(double ax, double bx, double ay, double by, double tilt, int x0, int y0, int x1, int y1, double score) {
        /** The parameters as {@link #score} takes them. */
        double[] params() {
            return new double[] {ax, bx, ay, by, tilt};
        }

        /** The suspect point that reference point (rx, ry) maps from: {x, y}. */
        double[] toSuspect(double rx, double ry) {
            double ux = (rx - bx) / ax - centre(x0, x1);
            double uy = (ry - by) / ay - centre(y0, y1);
            double c = Math.cos(tilt);
            double s = Math.sin(tilt);
            return new double[] {centre(x0, x1) + c * ux + s * uy, centre(y0, y1) - s * ux + c * uy};
        }
    }

    /** Where the suspect turns about: the centre of its content box along one axis. */
    private static double centre(int from, int to) {
        return (from + to - 1) / 2.0;
    }

    /** Tilts tried before refining (degrees, either way): a copy filmed or re-framed at an angle. */
    private static final int MAX_TILT_DEGREES = 8;

    static Mapping register(List<float[]> suspect, int sw, int sh, List<float[]> reference, int rw, int rh) {
        Coarse c = coarse(suspect, sw, sh, reference, rw, rh, 8);
        return refine(tilted(c.params(), suspect, sw, reference, rw, rh, c.box()), suspect, sw, reference, rw, rh, c.box());
    }

    /**
     * The coarse window turned by the tilt, in whole degrees (0 included), that fits best once the
     * window has followed it: the window search itself runs untilted, and at a few degrees a
     * textured picture (grass) no longer matches anywhere, so each tilt gets a short local search of
     * scale and position (steps of 4 and 2 pixels) before the tilts are compared.
     */
    private static double[] tilted(double[] start, List<float[]> suspect, int sw, List<float[]> reference, int rw, int rh, int[] box) {
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int degrees = -MAX_TILT_DEGREES; degrees <= MAX_TILT_DEGREES; degrees++) {
            double[] q = java.util.Arrays.copyOf(start, 5);
            q[4] = Math.toRadians(degrees);
            Fit fitted = search(q, 4, suspect, sw, reference, rw, rh, box, new double[] {4, 2}, 4);
            if (fitted.score() > bestScore) {
                bestScore = fitted.score();
                best = fitted.params();
            }
        }
        return best;
    }

    /** The best uniform-scale window found on the coarse grid, its score and the suspect's content box. */
    record Coarse(double[] params, double score, int[] box) {
    }

    /**
     * Coarse stage alone, scoring every {@code stride}-th pixel: at a sparse stride it is cheap
     * enough to compare several candidate picture pairings.
     */
    static Coarse coarse(List<float[]> suspect, int sw, int sh, List<float[]> reference, int rw, int rh, int stride) {
        int[] box = contentBox(suspect, sw, sh);
        int cw = box[2] - box[0];
        int ch = box[3] - box[1];
        // uniform scale k (reference pixels per suspect pixel), window anywhere inside
        double kMax = Math.min(rw / (double) cw, rh / (double) ch);
        double best = Double.NEGATIVE_INFINITY;
        double[] p = null;
        for (double k = kMax * 0.75; k <= kMax * 1.0001; k *= 1.012) {
            double ww = k * cw;
            double wh = k * ch;
            for (double ox = 0; ox <= rw - ww + 1e-9; ox += 4) {
                for (double oy = 0; oy <= rh - wh + 1e-9; oy += 4) {
                    double[] q = toAffine(k, k, ox, oy, box);
                    double s = score(q, suspect, sw, reference, rw, rh, box, stride);
                    if (s > best) {
                        best = s;
                        p = q;
                    }
                }
            }
        }
        if (p == null) {
            p = toAffine(kMax, kMax, 0, 0, box);
        }
        return new Coarse(p, best, box);
    }

    private static Mapping refine(double[] start, List<float[]> suspect, int sw, List<float[]> reference, int rw, int rh, int[] box) {
        // all five parameters independently (crops that change the aspect ratio, a tilt)
        Fit fit = search(start, 5, suspect, sw, reference, rw, rh, box, new double[] {2, 1, 0.5, 0.25, 0.125}, 2);
        double[] p = fit.params();
        return new Mapping(p[0], p[1], p[2], p[3], p[4], box[0], box[1], box[2], box[3], fit.score());
    }

    /** Parameters {ax, bx, ay, by, tilt} and their score. */
    private record Fit(double[] params, double score) {
    }

    /**
     * Pattern search over the first {@code count} of {ax, bx, ay, by, tilt}, each step moving the
     * content box's far edge or corners by that many pixels, scoring every {@code stride}-th pixel.
     */
    private static Fit search(double[] start, int count, List<float[]> suspect, int sw, List<float[]> reference, int rw, int rh,
                                   int[] box, double[] steps, int stride) {
        double[] p = start;
        double best = score(p, suspect, sw, reference, rw, rh, box, stride);
        for (double step : steps) {
            boolean improved = true;
            while (improved) {
                improved = false;
                for (int i = 0; i < count; i++) {
                    for (int sign = -1; sign <= 1; sign += 2) {
                        double[] q = p.clone();
                        if (i == 4) {
                            // a turn that moves the content box's corners by `step` pixels
                            q[4] += sign * step / Math.hypot(box[2] - box[0], box[3] - box[1]) * 2;
                        } else if (i == 0 || i == 2) {
                            // scale step that moves the far edge by `step` pixels
                            double extent = i == 0 ? (box[2] - box[0]) : (box[3] - box[1]);
                            double centre = i == 0 ? (box[0] + box[2]) / 2.0 : (box[1] + box[3]) / 2.0;
                            double da = sign * step / extent;
                            q[i] += da;
                            q[i + 1] -= da * centre; // keep the centre in place
                        } else {
                            q[i] += sign * step;
                        }
                        double s = score(q, suspect, sw, reference, rw, rh, box, stride);
                        if (s > best + 1e-6) {
                            best = s;
                            p = q;
                            improved = true;
                        }
                    }
                }
            }
        }
        return new Fit(p, best);
    }

    /**
     * The mapping that puts the suspect content box's left/top edge at reference (ox, oy) with
     * kx, ky reference pixels per suspect pixel (edges, not centres: refX + 0.5 = kx * (x + 0.5 - x0) + ox).
     */
    private static double[] toAffine(double kx, double ky, double ox, double oy, int[] box) {
        return new double[] {kx, ox - kx * box[0] + 0.5 * kx - 0.5, ky, oy - ky * box[1] + 0.5 * ky - 0.5};
    }

    /**
     * Mean over picture pairs of the NCC between suspect content and the mapped reference;
     * {@code p} is {ax, bx, ay, by} or {ax, bx, ay, by, tilt}.
     */
    static double score(double[] p, List<float[]> suspect, int sw, List<float[]> reference, int rw, int rh, int[] box, int stride) {
        double c = p.length > 4 ? Math.cos(p[4]) : 1;
        double sn = p.length > 4 ? Math.sin(p[4]) : 0;
        double cx = centre(box[0], box[2]);
        double cy = centre(box[1], box[3]);
        double total = 0;
        for (int f = 0; f < suspect.size(); f++) {
            float[] s = suspect.get(f);
            float[] r = reference.get(f);
            double ss = 0;
            double rr = 0;
            double sr = 0;
            double sm = 0;
            double rm = 0;
            int n = 0;
            for (int y = box[1] + stride / 2; y < box[3]; y += stride) {
                for (int x = box[0] + stride / 2; x < box[2]; x += stride) {
                    // turned back about the box centre (the inverse of Mapping.toSuspect's turn), then scaled
                    double ux = x - cx;
                    double uy = y - cy;
                    double rx = p[0] * (cx + c * ux - sn * uy) + p[1];
                    double ry = p[2] * (cy + sn * ux + c * uy) + p[3];
                    if (rx < 0 || rx > rw - 1 || ry < 0 || ry > rh - 1) {
                        continue;
                    }
                    double a = s[y * sw + x];
                    double b = WorkingFrame.bilinear(r, rw, rh, rx, ry);
                    sm += a;
                    rm += b;
                    ss += a * a;
                    rr += b * b;
                    sr += a * b;
                    n++;
                }
            }
            if (n < 16) {
                return Double.NEGATIVE_INFINITY;
            }
            double cov = sr - sm * rm / n;
            double va = ss - sm * sm / n;
            double vb = rr - rm * rm / n;
            total += (va <= 0 || vb <= 0) ? 0 : cov / Math.sqrt(va * vb);
        }
        return total / suspect.size();
    }

    /** Bounding box of non-bar content: rows/columns whose mean over the pictures is not near-black and flat. */
    static int[] contentBox(List<float[]> pictures, int w, int h) {
        double[] col = new double[w];
        double[] colVar = new double[w];
        double[] row = new double[h];
        double[] rowVar = new double[h];
        for (float[] p : pictures) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = p[y * w + x];
                    col[x] += v;
                    colVar[x] += v * v;
                    row[y] += v;
                    rowVar[y] += v * v;
                }
            }
        }
        int n = pictures.size();
        int x0 = 0;
        int x1 = w;
        int y0 = 0;
        int y1 = h;
        while (x0 < w / 3 && isBar(col[x0], colVar[x0], (double) n * h)) {
            x0++;
        }
        while (x1 > 2 * w / 3 && isBar(col[x1 - 1], colVar[x1 - 1], (double) n * h)) {
            x1--;
        }
        while (y0 < h / 3 && isBar(row[y0], rowVar[y0], (double) n * w)) {
            y0++;
        }
        while (y1 > 2 * h / 3 && isBar(row[y1 - 1], rowVar[y1 - 1], (double) n * w)) {
            y1--;
        }
        // the bar's edge pixel is blended: skip one more
        if (x0 > 0) {
            x0++;
        }
        if (x1 < w) {
            x1--;
        }
        if (y0 > 0) {
            y0++;
        }
        if (y1 < h) {
            y1--;
        }
        return new int[] {x0, y0, x1, y1};
    }

    private static boolean isBar(double sum, double sumSq, double count) {
        double mean = sum / count;
        double var = sumSq / count - mean * mean;
        return mean < 24 && var < 16;
    }
}
