package org.reeltrace.watermark;

import org.reeltrace.media.LumaFrame;
import org.reeltrace.media.LumaFrameReader;
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

    /** Blind detection: accumulate the residual over all pictures, synchronise on the tile, decode. */
    public static Detection detect(Path suspect, WatermarkKey key) throws WatermarkException {
        ResidualAccumulator acc = accumulate(suspect);
        return decideBlind(acc, new TilePattern(key));
    }

    /** Informed detection against the unmarked original (temporal and spatial registration first). */
    public static Detection detect(Path suspect, WatermarkKey key, Path reference) throws WatermarkException {
        return InformedDetector.detect(suspect, key, reference);
    }

    static Detection decideBlind(ResidualAccumulator acc, TilePattern tile) {
        return Decision.decide(blindSoft(acc, tile), "blind");
    }

    /** Soft values of every geometry candidate (none when no picture carried anything). */
    static List<double[]> blindSoft(ResidualAccumulator acc, TilePattern tile) {
        List<double[]> softs = new ArrayList<>();
        if (acc.pictures == 0) {
            return softs;
        }
        for (TileSync.Candidate c : TileSync.candidates(acc.sum, acc.width, acc.height, tile, true)) {
            softs.add(c.soft());
        }
        return softs;
    }

    /** The summed residual of a video or a still at working resolution. */
    static ResidualAccumulator accumulate(Path suspect) throws WatermarkException {
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
            int[] size = WorkingFrame.sizeFor(info.width(), info.height());
            ResidualAccumulator acc = new ResidualAccumulator(size[0], size[1]);
            float[] buf = new float[size[0] * size[1]];
            try (LumaFrameReader reader = LumaFrameReader.open(suspect, size[0], size[1])) {
                LumaFrame f;
                while ((f = reader.next()) != null) {
                    byte[] p = f.pixels();
                    for (int i = 0; i < buf.length; i++) {
                        buf[i] = p[i] & 0xff;
                    }
                    acc.add(buf, null);
                }
            }
            return acc;
        } catch (MediaException e) {
            throw Errors.from(e);
        }
    }
}
