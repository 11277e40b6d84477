package org.reeltrace.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.media.testing.SyntheticVideo;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeakSimulationIT {

    @Test
    void excerptCropAndScaleGiveTheRequestedCopy(@TempDir Path dir) throws Exception {
        Path clip = SyntheticVideo.builder().seed(11).seconds(6).size(320, 240).write(dir.resolve("work.mp4"));
        Path leak = dir.resolve("leak.mp4");
        FilteredTranscoder.transcode(clip, leak, new FilteredTranscoder.Options("crop=iw*0.8:ih*0.8,scale=160:-2", 2.0, 3.0, 30));

        MediaInfo info = MediaProbe.probe(leak);
        assertEquals(160, info.width());
        assertEquals(120, info.height());
        assertEquals(3.0, info.durationSeconds(), 0.3);
        assertTrue(info.hasAudio());
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".part")), "no temp file left");
        }
    }

    @Test
    void stillFramesAreScaledAndFollowTheClip(@TempDir Path dir) throws Exception {
        Path clip = SyntheticVideo.builder().seed(5).seconds(5).size(320, 240).write(dir.resolve("work.mp4"));
        BufferedImage first = StillFrames.at(clip, 0.5, 160);
        BufferedImage later = StillFrames.at(clip, 3.5, 160);
        assertEquals(160, first.getWidth());
        assertEquals(120, first.getHeight());
        // scenes change every 2 s, so the two stills must differ
        long diff = 0;
        for (int y = 0; y < 120; y += 4) {
            for (int x = 0; x < 160; x += 4) {
                diff += Math.abs((first.getRGB(x, y) & 0xff) - (later.getRGB(x, y) & 0xff));
            }
        }
        assertTrue(diff > 1000, "stills at different times differ: " + diff);
    }

    @Test
    void missingFileIsInvalidInput(@TempDir Path dir) {
        MediaException e = org.junit.jupiter.api.Assertions.assertThrows(MediaException.class,
                () -> FilteredTranscoder.transcode(dir.resolve("nope.mp4"), dir.resolve("out.mp4"),
                        new FilteredTranscoder.Options(null, 0, 0, 23)));
        assertEquals(MediaException.Kind.INVALID_INPUT, e.kind());
        assertFalse(Files.exists(dir.resolve("out.mp4")));
    }
}
