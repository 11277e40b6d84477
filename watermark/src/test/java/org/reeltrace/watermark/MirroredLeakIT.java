package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A leak flipped left to right (a common trick against matching), also cropped, is read blind; an unmarked flipped copy is not. */
class MirroredLeakIT {
    private static final long PAYLOAD = 0x00000000cafe0042L;

    @TempDir
    Path dir;

    @Test
    void aMirroredCopyIsReadBlind() throws Exception {
        TestMedia.MarkedClip clip = TestMedia.markedSynthetic(dir, 41, PAYLOAD);
        Path original = clip.original();
        Path marked = clip.marked();
        WatermarkKey key = clip.key();
        Path leak = FfmpegCli.attack(marked, dir.resolve("mirrored.mp4"), "hflip", "-c:v libx264 -crf 23");
        Detection d = WatermarkDetector.detect(leak, key);
        assertTrue(d.found(), "mirrored leak: " + d);
        assertEquals(PAYLOAD, d.payload());
        // with the original at hand (trace's way): the registration does not undo the mirror, the blind reading does
        Detection withOriginal = WatermarkDetector.detect(leak, key, original);
        assertTrue(withOriginal.found(), "mirrored leak, original given: " + withOriginal);
        assertEquals(PAYLOAD, withOriginal.payload());
        assertEquals("blind", withOriginal.mode());
        assertFalse(WatermarkDetector.detect(leak, TestMedia.key(43), original).found(), "original given, another key");
        Path cropped = FfmpegCli.attack(marked, dir.resolve("mirrored-cropped.mp4"), "hflip,crop=iw*0.9:ih*0.9:24:12", "-c:v libx264 -crf 23");
        Detection c = WatermarkDetector.detect(cropped, key);
        assertTrue(c.found(), "mirrored and cropped 10%: " + c);
        assertEquals(PAYLOAD, c.payload());
        Path unmarked = FfmpegCli.attack(original, dir.resolve("mirrored-original.mp4"), "hflip", "-c:v libx264 -crf 23");
        assertFalse(WatermarkDetector.detect(unmarked, key).found(), "an unmarked mirrored copy");
        assertFalse(WatermarkDetector.detect(leak, TestMedia.key(42)).found(), "the mirrored leak under another key");
    }
}
