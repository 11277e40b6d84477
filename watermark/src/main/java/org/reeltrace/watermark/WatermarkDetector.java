package org.reeltrace.watermark;

import org.reeltrace.media.LumaFrame;
import org.reeltrace.media.PrefetchingLumaReader;
import org.reeltrace.media.MediaException;
import org.reeltrace.media.MediaProbe;
import org.reeltrace.media.MediaInfo;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Recovers a payload from a suspect copy: blind (key only) or informed (with the original). */
public final class WatermarkDetector {
    private WatermarkDetector() {
    }

    /**
     * Blind detection: accumulate the residual picture by picture, synchronise on the tile, decode;
     * stops early once a payload is beyond doubt ({@link BlindEarlyStop}). A copy read to the end is
     * also read mirrored (pirates flip pictures to dodge matching), with the same geometry search;
     * those hypotheses count in the false-positive probability like the others.
     */
    public static Detection detect(Path suspect, WatermarkKey key) throws WatermarkException {
        return detectBlind(suspect, new TilePattern(key), 0);
    }

    private static Detection detectBlind(Path suspect, TilePattern tile, int earlierHypotheses) throws WatermarkException {
        BlindEarlyStop stop = new BlindEarlyStop(tile, earlierHypotheses);
        ResidualAccumulator acc = accumulate(suspect, stop::enough);
        if (stop.detection() != null) {
            return stop.detection();
        }
        return Decision.analyse(blindSoftAsReadAndMirrored(acc, tile), "blind", stop.hypothesesTried()).detection();
    }

    /** Every hypothesis blind detection decodes for a copy read to the end: as read, and mirrored. */
    static List<double[]> blindSoftAsReadAndMirrored(ResidualAccumulator acc, TilePattern tile) {
        List<double[]> softs = blindSoft(acc, tile);
        softs.addAll(blindSoft(acc.mirrored(), tile));
        return softs;
    }

    /** Blind detection plus the soft values it decided on (tests measure bit error rates with them). */
    static Decision.Analysis analyseBlind(Path suspect, WatermarkKey key) throws WatermarkException {
        return Decision.analyse(blindSoft(accumulate(suspect), new TilePattern(key)), "blind");
    }

    /**
     * Informed detection against the unmarked original (temporal and spatial registration first).
     * What the registration cannot undo (a mirrored copy, an edit it misreads) leaves the informed
     * reading empty; the suspect is then read blind as well, with the informed hypotheses counted in
     * the false-positive probability, and a payload found that way is reported as blind.
     */
    public static Detection detect(Path suspect, WatermarkKey key, Path reference) throws WatermarkException {
        TilePattern tile = new TilePattern(key);
        List<double[]> informed = InformedDetector.softs(InformedDetector.accumulate(suspect, reference), tile);
        Detection d = Decision.analyse(informed, "informed").detection();
        if (d.found()) {
            return d;
        }
        Detection blind = detectBlind(suspect, tile, informed.size());
        return blind.found() ? blind : d;
    }

    static Detection decideBlind(ResidualAccumulator acc, TilePattern tile) {
        return Decision.analyse(blindSoft(acc, tile), "blind").detection();
    }

    /**
     * Soft values of every geometry candidate (none when no picture carried anything). A video's
     * carrier phase is known only up to its sign, so each candidate is decoded both ways; and at
     * each candidate's geometry the plain sum is read as a frozen mark too (both signs), for a copy
     * whose encoder kept key frames' marks over the flat pictures it predicted from them, which
     * the carrier's sums cancel as static. A still is read the same frozen way too, for a screenshot
     * of a marked video.
     */
    static List<double[]> blindSoft(ResidualAccumulator acc, TilePattern tile) {
        return blindSoft(acc, tile, TileSync.Search.SCALE);
    }

    /** {@link #blindSoft(ResidualAccumulator, TilePattern)} with a narrower geometry search. */
    static List<double[]> blindSoft(ResidualAccumulator acc, TilePattern tile, TileSync.Search search) {
        List<double[]> softs = new ArrayList<>();
        if (acc.pictures == 0) {
            return softs;
        }
        double[] folded = null;
        TileSync.Candidate foldedFor = null;
        // a still may be a video's picture (a screenshot): its mark is then P and Q at the picture's carrier angle,
        // read like a frozen video mark from the still's own sum
        float[] still = acc.quadrature == null ? acc.sum : acc.plain;
        for (TileSync.Candidate c : TileSync.candidates(acc, tile, search)) {
            softs.add(c.soft());
            if (acc.quadrature != null) {
                softs.add(TileSync.negated(c.soft()));
            }
            // the nominal period's two shifts share one fold
            if (foldedFor == null || c.periodX() != foldedFor.periodX() || c.periodY() != foldedFor.periodY()
                    || c.tilt() != foldedFor.tilt()) {
                folded = TileSync.Folded.of(still, null, acc.width, acc.height, c.periodX(), c.periodY(), c.tilt(), TileSync.BINS).inPhase();
                foldedFor = c;
            }
            double[] frozen = TileSync.readFrozen(folded, tile, c.shiftX(), c.shiftY());
            softs.add(frozen);
            softs.add(TileSync.negated(frozen));
        }
        return softs;
    }

    /** The summed residual of a video or a still at working resolution, every picture read. */
    static ResidualAccumulator accumulate(Path suspect) throws WatermarkException {
        return accumulate(suspect, acc -> false);
    }

    /** Decides after each picture whether the reading may stop. */
    interface StopRule {
        boolean enough(ResidualAccumulator acc);
    }

    /** The summed residual at working resolution, read until the end or until {@code stop} says so. */
    static ResidualAccumulator accumulate(Path suspect, StopRule stop) throws WatermarkException {
        WatermarkEmbedder.requireInput(suspect);
        if (OutputFiles.isStill(suspect)) {
            BufferedImage img = StillImages.read(suspect);
            int[] size = WorkingFrame.sizeFor(img.getWidth(), img.getHeight());
            ResidualAccumulator acc = new ResidualAccumulator(size[0], size[1]);
            acc.add(WorkingFrame.resample(StillImages.lumaFloat(img), img.getWidth(), img.getHeight(), size[0], size[1]), null);
            return acc;
        }
        try {
            MediaInfo info = MediaProbe.probe(suspect);
            if (!info.hasVideo()) {
                throw new WatermarkException(WatermarkException.Kind.INVALID_INPUT, "\"" + suspect + "\" has no video stream");
            }
            int[] size = WorkingFrame.sizeFor(info.displayWidth(), info.displayHeight());
            List<float[]> opening = new ArrayList<>();
            try (PrefetchingLumaReader reader = PrefetchingLumaReader.open(suspect, size[0], size[1])) {
                LumaFrame f;
                // the whole frame is accumulated while the bar probe reads its pictures, so a copy
                // that decodes beyond doubt stops before the bar decision is even needed
                ResidualAccumulator acc = new ResidualAccumulator(size[0], size[1], VIDEO);
                while (opening.size() < BAR_PROBE_PICTURES && (f = reader.next()) != null) {
                    float[] p = WorkingFrame.toFloat(f.pixels());
                    opening.add(p);
                    acc.add(p, null, f.timestamp());
                    if (stop.enough(acc)) {
                        return acc;
                    }
                }
                int[] box = SpatialRegistration.contentBox(opening, size[0], size[1]);
                if (box[0] == 0 && box[1] == 0 && box[2] == size[0] && box[3] == size[1]) {
                    while ((f = reader.next()) != null) {
                        acc.add(WorkingFrame.toFloat(f.pixels()), null, f.timestamp());
                        if (stop.enough(acc)) {
                            break;
                        }
                    }
                    return acc;
                }
                return accumulateInside(suspect, size, box, stop);
            }
        } catch (MediaException e) {
            throw Errors.from(e);
        }
    }

    /** A video's mark rotates with the temporal carrier, at a phase the blind detector does not know. */
    private static final ResidualAccumulator.Weighting VIDEO = ResidualAccumulator.Weighting.IN_PHASE_AND_QUADRATURE;

    /** Pictures read before deciding whether the suspect has letterbox or pillarbox bars. */
    private static final int BAR_PROBE_PICTURES = 50;

    /**
     * Letterboxed or pillarboxed suspect: decode again so that the picture inside the bars gets
     * the working resolution by its own shorter side, and accumulate only that area (the mark
     * scaled with the picture, so the tile period is nominal again).
     */
    private static ResidualAccumulator accumulateInside(Path suspect, int[] size, int[] box, StopRule stop)
            throws MediaException {
        // contentBox shaved one blended line off each bar: the picture itself is that much larger
        double boxW = box[2] - box[0] + (box[0] > 0 ? 1 : 0) + (box[2] < size[0] ? 1 : 0);
        double boxH = box[3] - box[1] + (box[1] > 0 ? 1 : 0) + (box[3] < size[1] ? 1 : 0);
        double f = WorkingFrame.SHORT_SIDE / Math.min(boxW, boxH);
        int decodeW = 2 * (int) Math.round(size[0] * f / 2);
        int decodeH = 2 * (int) Math.round(size[1] * f / 2);
        // one working pixel more on each side: the bar's blended edge
        int x0 = (int) Math.ceil(box[0] * f) + (box[0] > 0 ? (int) Math.ceil(f) : 0);
        int y0 = (int) Math.ceil(box[1] * f) + (box[1] > 0 ? (int) Math.ceil(f) : 0);
        int x1 = (int) Math.floor(box[2] * f) - (box[2] < size[0] ? (int) Math.ceil(f) : 0);
        int y1 = (int) Math.floor(box[3] * f) - (box[3] < size[1] ? (int) Math.ceil(f) : 0);
        int w = Math.min(x1, decodeW) - x0;
        int h = Math.min(y1, decodeH) - y0;
        ResidualAccumulator acc = new ResidualAccumulator(w, h, VIDEO);
        float[] inside = new float[w * h];
        try (PrefetchingLumaReader reader = PrefetchingLumaReader.open(suspect, decodeW, decodeH)) {
            LumaFrame fr;
            while ((fr = reader.next()) != null) {
                byte[] p = fr.pixels();
                for (int y = 0; y < h; y++) {
                    int row = (y + y0) * decodeW + x0;
                    for (int x = 0; x < w; x++) {
                        inside[y * w + x] = p[row + x] & 0xff;
                    }
                }
                acc.add(inside, null, fr.timestamp());
                if (stop.enough(acc)) {
                    break;
                }
            }
        }
        return acc;
    }
}
