package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.media.SyntheticClip;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's leak (an excerpt, cropped 6% per side, 270 lines, x264 CRF 28) of moving synthetic
 * content: from a coarse offset as wrong as the fingerprint's worst, alignment lands on the
 * right picture and informed detection reads the ID. It failed in CI when the fingerprint
 * offset (0.42 s off) was used as is. The excerpt starts 24 s in, so reading the original seeks.
 */
class FrameAccurateAlignmentIT {
    @TempDir
    Path dir;

    @Test
    void coarseOffsetsUpToThreeQuartersOfASecondOffLandOnTheRightPicture() throws Exception {
        Path original = dir.resolve("work.mp4");
        SyntheticClip.builder().seed(2026).seconds(34).size(640, 360).fps(25).write(original);
        Path marked = dir.resolve("marked.mp4");
        WatermarkKey key = TestMedia.key(7);
        WatermarkEmbedder.embed(original, marked, key, TestMedia.PAYLOAD, EncoderSettings.defaults());
        Path leak = dir.resolve("leak.mp4");
        // -ss after -i: decode and drop, so picture 0 of the leak is the original's picture at 24.00 s
        FfmpegCli.run("-i", marked.toString(), "-ss", "24", "-t", "8", "-vf", "crop=iw*0.88:ih*0.88,scale=480:-2",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "28", "-an", leak.toString());
        double trueOffset = 24.0;
        for (double error : new double[] {0.42, -0.75}) {
            FrameAccurateAlignment.Result r = FrameAccurateAlignment.align(leak, original, trueOffset + error);
            assertEquals(trueOffset, r.offset(), 0.02, "coarse error " + error + " s");
            assertEquals(0.88, r.map().ax(), 0.01, "horizontal scale of the crop");
        }
        Detection d = InformedDetector.detect(leak, key, original);
        assertTrue(d.found(), "informed detection of the excerpt");
        assertEquals(TestMedia.PAYLOAD, d.payload());
    }
}
