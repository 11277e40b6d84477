package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A leak filmed or edited at a tilt (a handheld camera, a scanned or re-framed copy) is read
 * blind, also with the original given; an unmarked tilted copy and another key find nothing.
 */
class TiltedLeakIT {
    private static final long PAYLOAD = 0x00000000711e0003L;

    @TempDir
    Path dir;

    @Test
    void aTiltedCopyIsReadBlind() throws Exception {
        TestMedia.MarkedClip clip = TestMedia.markedSynthetic(dir, 51, PAYLOAD);
        WatermarkKey key = clip.key();
        Path tilted = FfmpegCli.attack(clip.marked(), dir.resolve("tilted.mp4"), "rotate=3*PI/180", "-c:v libx264 -crf 23");
        java.nio.file.Files.copy(tilted, Path.of("/tmp/tilted-synth.mp4"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        java.nio.file.Files.copy(clip.marked(), Path.of("/tmp/marked-synth.mp4"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Detection d = WatermarkDetector.detect(tilted, key);
        assertTrue(d.found(), "tilted 3 degrees: " + d);
        assertEquals(PAYLOAD, d.payload());
        Detection withOriginal = WatermarkDetector.detect(tilted, key, clip.original());
        assertTrue(withOriginal.found(), "tilted 3 degrees, original given: " + withOriginal);
        assertEquals(PAYLOAD, withOriginal.payload());

        // re-framed: turned the other way, cropped to the picture (10%), brighter and harder
        Path filmed = FfmpegCli.attack(clip.marked(), dir.resolve("filmed.mp4"),
                "rotate=-5*PI/180,crop=iw*0.9:ih*0.9,eq=brightness=0.05:contrast=1.1",
                "-c:v libx264 -crf 23");
        Detection f = WatermarkDetector.detect(filmed, key);
        assertTrue(f.found(), "tilted -5 degrees, cropped 10%, brightness and contrast: " + f);
        assertEquals(PAYLOAD, f.payload());

        Path unmarked = FfmpegCli.attack(clip.original(), dir.resolve("tilted-original.mp4"), "rotate=3*PI/180", "-c:v libx264 -crf 23");
        assertFalse(WatermarkDetector.detect(unmarked, key).found(), "an unmarked tilted copy");
        assertFalse(WatermarkDetector.detect(tilted, TestMedia.key(52)).found(), "the tilted leak under another key");
    }
}
