package org.reeltrace.watermark;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.media.MediaInfo;
import org.reeltrace.media.MediaProbe;
import org.reeltrace.media.testing.SyntheticVideo;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Portrait phone video: pictures stored landscape with a display matrix. The marked copy must keep
 * the matrix (or it plays sideways), and the mark must be read both from that copy and from a copy
 * that FFmpeg re-encoded upright (its default: autorotate), so it lives in the picture as shown.
 */
class RotatedVideoIT {
    private static final long PAYLOAD = 0x0123456789abcdefL;
    @TempDir
    static Path dir;
    private static Path original;
    private static Path marked;
    private static WatermarkKey key;

    @BeforeAll
    static void markAPortraitClip() throws Exception {
        // 360 x 640 as shown: stored 640 x 360, turned by the display matrix
        Path upright = SyntheticVideo.builder().seed(31).seconds(6).size(360, 640).write(dir.resolve("upright.mp4"));
        Path stored = dir.resolve("stored.mp4");
        FfmpegCli.run("-i", upright.toString(), "-vf", "transpose=1", "-c:v", "libx264", "-crf", "16", "-c:a", "copy", stored.toString());
        original = dir.resolve("phone.mp4");
        FfmpegCli.run("-i", stored.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90", original.toString());
        key = TestMedia.key(77);
        marked = dir.resolve("phone-marked.mp4");
        EmbedResult r = WatermarkEmbedder.embed(original, marked, key, PAYLOAD, EncoderSettings.defaults());
        assertEquals(360, r.width(), "the result names the picture as shown");
        assertEquals(640, r.height());
    }

    @Test
    void theMarkedCopyKeepsItsDisplayMatrix() throws Exception {
        MediaInfo in = MediaProbe.probe(original);
        MediaInfo out = MediaProbe.probe(marked);
        assertEquals(640, out.width(), "stored as the original is");
        assertEquals(in.rotation(), out.rotation(), "display matrix kept");
        assertEquals(360, out.displayWidth());
    }

    @Test
    void blindDetectionReadsTheCopyAsShipped() throws Exception {
        assertFound(WatermarkDetector.detect(marked, key), "blind, display matrix");
    }

    @Test
    void blindDetectionReadsACopyReEncodedUpright() throws Exception {
        // FFmpeg applies the matrix when it re-encodes (autorotate), as a pirate's transcode would
        Path leak = FfmpegCli.attack(marked, dir.resolve("leak-upright.mp4"), null, "-c:v libx264 -crf 23");
        MediaInfo info = MediaProbe.probe(leak);
        assertEquals(360, info.width(), "the leak is stored upright");
        assertEquals(0, info.uprightTurns());
        assertFound(WatermarkDetector.detect(leak, key), "blind, re-encoded upright");
        assertFound(WatermarkDetector.detect(leak, key, original), "informed, re-encoded upright");
    }

    private static void assertFound(Detection d, String what) {
        assertTrue(d.found(), what + ": " + d);
        assertEquals(PAYLOAD, d.payload(), what);
    }
}
