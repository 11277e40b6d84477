package org.reeltrace.watermark;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Informed detection: align the suspect with the original in time (fingerprints) and space
 * (crop, scale, letterbox), subtract the original picture (after a per-picture gain/offset fit
 * for brightness and contrast changes) and correlate what is left, in the original's pattern
 * coordinates where the tile's position is known exactly. A video's pictures are weighted by the
 * temporal carrier at the original's time, which is where the embedder put it, and the plain sum
 * is read too, for a copy whose encoder kept one key frame's mark over the pictures predicted
 * from it.
 */
final class InformedDetector {
    private InformedDetector() {
    }

    static Detection detect(Path suspect, WatermarkKey key, Path reference) throws WatermarkException {
        return analyse(suspect, key, reference).detection();
    }

    static Decision.Analysis analyse(Path suspect, WatermarkKey key, Path reference) throws WatermarkException {
        return decide(accumulate(suspect, reference), new TilePattern(key));
    }

    /** The key-independent part: the registered, original-subtracted residual summed over pictures. */
    static ResidualAccumulator accumulate(Path suspect, Path reference) throws WatermarkException {
        WatermarkEmbedder.requireInput(suspect);
        WatermarkEmbedder.requireInput(reference);
        if (OutputFiles.isStill(suspect) != OutputFiles.isStill(reference)) {
            Path still = OutputFiles.isStill(suspect) ? suspect : reference;
            Path video = still == suspect ? reference : suspect;
            throw new WatermarkException(WatermarkException.Kind.USAGE, "\"" + still + "\" is a still but \"" + video
                    + "\" is a video; informed detection compares a still with a still and a video with a video",
                    "for a screenshot, give the original's picture at that time (ffmpeg -ss T -i ORIGINAL -frames:v 1 original.png)"
                            + " as --reference, or detect blind without --reference", null);
        }
        if (OutputFiles.isStill(suspect)) {
            return still(suspect, reference);
        }
        TemporalAlignment.Offset coarse = TemporalAlignment.find(suspect, reference);
        FrameAccurateAlignment.Result aligned = FrameAccurateAlignment.align(suspect, reference, coarse.seconds());
        SpatialRegistration.Mapping map = aligned.map();
        ResidualAccumulator acc;
        try (WorkingClip s = WorkingClip.open(suspect); WorkingClip r = WorkingClip.open(reference)) {
            // the original's timeline is the one the embedder's carrier followed
            acc = new ResidualAccumulator(r.width, r.height, ResidualAccumulator.Weighting.KNOWN_TIME);
            float[] warped = new float[r.width * r.height];
            boolean[] valid = new boolean[r.width * r.height];
            float[] sp;
            boolean first = true;
            while ((sp = s.next()) != null) {
                double t = s.time() + aligned.offset();
                if (first) {
                    r.seekNear(t - 1);
                    first = false;
                }
                float[] rp = r.at(t, null);
                if (rp == null) {
                    if (t > r.duration + 1) {
                        break;
                    }
                    continue;
                }
                subtract(sp, s.width, s.height, rp, r.width, r.height, map, warped, valid);
                acc.add(warped, valid, t);
            }
        }
        return acc;
    }

    private static ResidualAccumulator still(Path suspect, Path reference) throws WatermarkException {
        BufferedImage si = StillImages.read(suspect);
        BufferedImage ri = StillImages.read(reference);
        int[] ss = WorkingFrame.sizeFor(si.getWidth(), si.getHeight());
        int[] rs = WorkingFrame.sizeFor(ri.getWidth(), ri.getHeight());
        float[] sp = WorkingFrame.resample(StillImages.lumaFloat(si), si.getWidth(), si.getHeight(), ss[0], ss[1]);
        float[] rp = WorkingFrame.resample(StillImages.lumaFloat(ri), ri.getWidth(), ri.getHeight(), rs[0], rs[1]);
        SpatialRegistration.Mapping map = SpatialRegistration.register(List.of(sp), ss[0], ss[1], List.of(rp), rs[0], rs[1]);
        ResidualAccumulator acc = new ResidualAccumulator(rs[0], rs[1]);
        float[] warped = new float[rs[0] * rs[1]];
        boolean[] valid = new boolean[warped.length];
        subtract(sp, ss[0], ss[1], rp, rs[0], rs[1], map, warped, valid);
        acc.add(warped, valid);
        return acc;
    }

    static Decision.Analysis decide(ResidualAccumulator acc, TilePattern tile) {
        // no pictures: no soft values, and Decision reports nothing found
        return Decision.analyse(softs(acc, tile), "informed");
    }

    /**
     * Soft values of the registered suspect, at shift (0, 0) and at the best shift if different:
     * a still's (also read as a frozen video mark, both signs, for a screenshot); a video's read with the carrier's known phase, its plain sum read as a frozen
     * mark at an unknown angle (both signs), and at (0, 0) the segment-refined reading of
     * {@link PictureSeries} (both signs).
     */
    static List<double[]> softs(ResidualAccumulator acc, TilePattern tile) {
        List<double[]> softs = new ArrayList<>();
        if (acc.pictures == 0) {
            return softs;
        }
        TileSync.Folded folded = TileSync.Folded.of(acc.sum, acc.quadrature, acc.width, acc.height, TileSync.BINS, TileSync.BINS, TileSync.BINS);
        TileSync.Candidate searched = TileSync.best(folded, TileSync.BINS, TileSync.BINS, tile, TileSync.BINS);
        List<int[]> shifts = new ArrayList<>();
        shifts.add(new int[] {0, 0});
        if (searched.shiftX() != 0 || searched.shiftY() != 0) {
            shifts.add(new int[] {searched.shiftX(), searched.shiftY()});
        }
        double[] plain = acc.plain == null ? null : TileSync.fold(acc.plain, acc.width, acc.height, TileSync.BINS, TileSync.BINS);
        for (int[] shift : shifts) {
            if (acc.quadrature == null) {
                softs.add(TileSync.readAt(folded, tile, shift[0], shift[1]));
                // a screenshot of a marked video: its mark is P and Q at the picture's carrier angle
                double[] frozen = TileSync.readFrozen(folded.inPhase(), tile, shift[0], shift[1]);
                softs.add(frozen);
                softs.add(TileSync.negated(frozen));
                continue;
            }
            double[] known = TileSync.readKnownPhase(folded, tile, shift[0], shift[1]);
            softs.add(known);
            double[] frozen = TileSync.readFrozen(plain, tile, shift[0], shift[1]);
            softs.add(frozen);
            softs.add(TileSync.negated(frozen));
            if (shift[0] == 0 && shift[1] == 0 && acc.series != null) {
                // the registered geometry: the segments are read there too (see PictureSeries)
                double[] refined = acc.series.refine(tile, known);
                softs.add(refined);
                softs.add(TileSync.negated(refined));
            }
        }
        return softs;
    }

    /**
     * Warps the suspect picture into reference working coordinates and subtracts the reference
     * after a least-squares gain/offset fit; pixels outside the suspect's content are invalid.
     */
    static void subtract(float[] sp, int sw, int sh, float[] rp, int rw, int rh, SpatialRegistration.Mapping m,
                         float[] out, boolean[] valid) {
        double sa = 0;
        double sb = 0;
        double sab = 0;
        double sbb = 0;
        int n = 0;
        for (int y = 0; y < rh; y++) {
            for (int x = 0; x < rw; x++) {
                double[] at = m.toSuspect(x, y);
                double sx = at[0];
                double sy = at[1];
                int i = y * rw + x;
                if (sx < m.x0() || sx > m.x1() - 1 || sy < m.y0() || sy > m.y1() - 1) {
                    valid[i] = false;
                    out[i] = 0;
                    continue;
                }
                valid[i] = true;
                float v = (float) WorkingFrame.bilinear(sp, sw, sh, sx, sy);
                out[i] = v;
                double b = rp[i];
                sa += v;
                sb += b;
                sab += v * b;
                sbb += b * b;
                n++;
            }
        }
        double gain = 1;
        double off = 0;
        if (n > 16) {
            double vb = sbb - sb * sb / n;
            gain = vb > 1e-6 ? (sab - sa * sb / n) / vb : 1;
            off = (sa - gain * sb) / n;
        }
        for (int i = 0; i < out.length; i++) {
            if (valid[i]) {
                out[i] = (float) (out[i] - gain * rp[i] - off);
            }
        }
    }
}
