package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.media.MediaInfo;
import org.reeltrace.media.MediaProbe;
import org.reeltrace.media.testing.SyntheticVideo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One decode, several recipients: each copy carries its own ID, audio and metadata are kept, the input is untouched. */
class EmbedManyIT {
    @TempDir
    Path dir;

    @Test
    void everyCopyCarriesItsOwnPayloadAndKeepsAudioAndMetadata() throws Exception {
        Path raw = SyntheticVideo.builder().seed(11).seconds(4).size(640, 360).write(dir.resolve("raw.mp4"));
        Path in = dir.resolve("in.mp4");
        FfmpegCli.run("-i", raw.toString(), "-c", "copy", "-metadata", "title=screener 7", in.toString());
        byte[] before = Files.readAllBytes(in);
        WatermarkKey key = TestMedia.key(21);
        Map<Long, Path> outs = new LinkedHashMap<>();
        outs.put(1111L, dir.resolve("alice.mp4"));
        outs.put(-2L, dir.resolve("bob.mp4"));
        List<EmbedResult> results = WatermarkEmbedder.embedMany(in, outs, key, EncoderSettings.defaults());
        assertEquals(2, results.size());
        MediaInfo source = MediaProbe.probe(in);
        for (Map.Entry<Long, Path> e : outs.entrySet()) {
            MediaInfo info = MediaProbe.probe(e.getValue());
            assertTrue(info.hasAudio(), "audio kept");
            assertEquals(source.audioCodec(), info.audioCodec(), "audio copied, not re-encoded");
            assertEquals(source.width(), info.width());
            assertTrue(FfmpegCli.run("-i", e.getValue().toString(), "-f", "null", "-t", "0.1", "-").contains("screener 7"), "metadata kept");
            Detection d = WatermarkDetector.detect(e.getValue(), key);
            assertTrue(d.found(), e.getValue() + " blind");
            assertEquals(e.getKey(), d.payload());
        }
        assertArrayEquals(before, Files.readAllBytes(in), "input untouched");
    }
}
