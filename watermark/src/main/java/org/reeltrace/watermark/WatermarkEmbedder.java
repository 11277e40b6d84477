package org.reeltrace.watermark;

import org.reeltrace.media.MediaException;
import org.reeltrace.media.VideoTranscoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Embeds a 64-bit payload into a video (re-encoded, other streams copied) or a PNG/JPEG still. */
public final class WatermarkEmbedder {
    private WatermarkEmbedder() {
    }

    public static EmbedResult embed(Path in, Path out, WatermarkKey key, long payload, EncoderSettings settings)
            throws WatermarkException {
        Map<Long, Path> one = new LinkedHashMap<>();
        one.put(payload, out);
        return embedMany(in, one, key, settings).get(0);
    }

    /** Decodes {@code in} once and writes one marked copy per payload (video), or one still each. */
    public static List<EmbedResult> embedMany(Path in, Map<Long, Path> payloadToOut, WatermarkKey key,
                                              EncoderSettings settings) throws WatermarkException {
        requireInput(in);
        for (Path out : payloadToOut.values()) {
            OutputFiles.requireParentExists(out);
            if (Files.exists(out) && isSameFile(in, out)) {
                throw new WatermarkException(WatermarkException.Kind.USAGE, "output \"" + out + "\" is the input; inputs are never modified");
            }
        }
        if (OutputFiles.isStill(in)) {
            List<EmbedResult> results = new ArrayList<>();
            for (Map.Entry<Long, Path> e : payloadToOut.entrySet()) {
                results.add(StillImages.embed(in, e.getValue(), key, e.getKey()));
            }
            return results;
        }
        return embedVideo(in, payloadToOut, key, settings == null ? EncoderSettings.defaults() : settings);
    }

    private static List<EmbedResult> embedVideo(Path in, Map<Long, Path> payloadToOut, WatermarkKey key,
                                                EncoderSettings s) throws WatermarkException {
        TilePattern tile = new TilePattern(key);
        List<Long> payloads = new ArrayList<>(payloadToOut.keySet());
        List<Path> targets = new ArrayList<>(payloadToOut.values());
        List<Path> temps = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        for (Path t : targets) {
            Path tmp = OutputFiles.temporaryFor(t);
            temps.add(tmp);
            hints.add(tmp.getFileName().toString());
        }
        VideoMarkingFilter filter = new VideoMarkingFilter(tile, payloads);
        VideoTranscoder.Result r;
        try {
            r = VideoTranscoder.transcode(in, temps, hints,
                    new VideoTranscoder.EncoderOptions(s.codec(), s.crf(), s.bitrate(), s.preset()), filter);
        } catch (MediaException e) {
            temps.forEach(OutputFiles::deleteQuietly);
            throw Errors.from(e);
        } catch (RuntimeException e) {
            temps.forEach(OutputFiles::deleteQuietly);
            throw e;
        }
        List<EmbedResult> results = new ArrayList<>();
        for (int k = 0; k < targets.size(); k++) {
            OutputFiles.moveIntoPlace(temps.get(k), targets.get(k));
            results.add(new EmbedResult(targets.get(k), payloads.get(k), r.frames(), r.width(), r.height(), r.encoder(),
                    r.droppedStreams()));
        }
        return results;
    }

    static void requireInput(Path in) throws WatermarkException {
        if (!Files.isRegularFile(in)) {
            throw new WatermarkException(WatermarkException.Kind.INVALID_INPUT, "no such file \"" + in + "\"");
        }
        if (!Files.isReadable(in)) {
            throw new WatermarkException(WatermarkException.Kind.INVALID_INPUT, "cannot read \"" + in + "\": permission denied");
        }
    }

    private static boolean isSameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
