package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A screenshot of a marked video: one picture, its mark P and Q at that moment's carrier angle.
 * Read informed against the original's picture at the same time, at any angle; never a wrong ID.
 */
class ScreenshotIT {
    private static final long PAYLOAD = 0x0000000000051ee7L;

    @TempDir
    Path dir;

    @Test
    void screenshotsAtAnyCarrierAngleAreReadAgainstTheOriginalsPicture() throws Exception {
        TestMedia.MarkedClip clip = TestMedia.markedSynthetic(dir, 51, PAYLOAD);
        Path original = clip.original();
        Path marked = clip.marked();
        WatermarkKey key = clip.key();
        // the carrier turns once in 2 s: these moments put the mark mostly on P, on both, and mostly on Q
        for (String at : new String[] {"1.0", "1.3", "1.5", "4.5"}) {
            Path shot = dir.resolve("shot-" + at + ".png");
            Path picture = dir.resolve("original-" + at + ".png");
            FfmpegCli.run("-ss", at, "-i", marked.toString(), "-frames:v", "1", shot.toString());
            FfmpegCli.run("-ss", at, "-i", original.toString(), "-frames:v", "1", picture.toString());
            Detection d = WatermarkDetector.detect(shot, key, picture);
            assertTrue(d.found(), "screenshot at " + at + " s: " + d);
            assertEquals(PAYLOAD, d.payload());
            assertFalse(WatermarkDetector.detect(shot, TestMedia.key(52), picture).found(), "another key at " + at);
            Detection blind = WatermarkDetector.detect(shot, key);
            assertTrue(!blind.found() || blind.payload() == PAYLOAD, "a wrong ID blind at " + at);
        }
        WatermarkException e = assertThrows(WatermarkException.class,
                () -> WatermarkDetector.detect(dir.resolve("shot-1.0.png"), key, original));
        assertEquals(WatermarkException.Kind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("is a still but"), e.getMessage());
    }
}
