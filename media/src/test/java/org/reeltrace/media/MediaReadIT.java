package org.reeltrace.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.media.testing.SyntheticVideo;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaReadIT {

    @Test
    void syntheticClipRoundTripsThroughFfmpeg(@TempDir Path dir) throws Exception {
        Path clip = SyntheticVideo.builder().seed(7).seconds(3).size(320, 240).fps(25).write(dir.resolve("a.mp4"));

        MediaInfo info = MediaProbe.probe(clip);
        assertTrue(info.hasVideo());
        assertTrue(info.hasAudio());
        assertEquals(320, info.width());
        assertEquals(25.0, info.frameRate(), 0.01);
        assertEquals(3.0, info.durationSeconds(), 0.2);

        int frames = 0;
        double last = -1;
        try (LumaFrameReader reader = LumaFrameReader.open(clip, 64, 48)) {
            LumaFrame f;
            while ((f = reader.next()) != null) {
                assertEquals(64 * 48, f.pixels().length);
                assertTrue(f.timestamp() > last);
                last = f.timestamp();
                frames++;
            }
        }
        assertEquals(75, frames);

        try (PcmAudioReader audio = PcmAudioReader.open(clip, 16000)) {
            assertNotNull(audio);
            float[] pcm = audio.readAll();
            assertEquals(3 * 16000, pcm.length, 2000);
        }
    }

    @Test
    void seekingGivesThePicturesASequentialReadGives(@TempDir Path dir) throws Exception {
        Path clip = SyntheticVideo.builder().seed(11).seconds(12).size(320, 180).fps(25).audio(false).write(dir.resolve("s.mp4"));
        java.util.Map<Long, byte[]> sequential = new java.util.HashMap<>();
        try (LumaFrameReader reader = LumaFrameReader.open(clip, 160, 90)) {
            LumaFrame f;
            while ((f = reader.next()) != null) {
                sequential.put(Math.round(f.timestamp() * 1000), f.pixels().clone());
            }
        }
        try (LumaFrameReader reader = LumaFrameReader.open(clip, 160, 90)) {
            for (double target : new double[] {7.3, 9.02, 2.0}) { // forward, forward, back
                reader.seek(target);
                LumaFrame f = reader.next();
                assertNotNull(f);
                assertTrue(Math.abs(f.timestamp() - target) < 0.04 + 1e-3,
                        "first picture after seeking to " + target + " is at " + f.timestamp());
                byte[] expected = sequential.get(Math.round(f.timestamp() * 1000));
                assertNotNull(expected, "timestamp " + f.timestamp() + " is a picture of the sequential read");
                assertTrue(java.util.Arrays.equals(expected, f.pixels()), "same picture at " + f.timestamp());
            }
            reader.seek(30);
            assertEquals(null, reader.next());
        }
    }

    @Test
    void sameSeedGivesSamePictures(@TempDir Path dir) throws Exception {
        Path a = SyntheticVideo.builder().seed(3).seconds(1).audio(false).write(dir.resolve("a.mp4"));
        Path b = SyntheticVideo.builder().seed(3).seconds(1).audio(false).write(dir.resolve("b.mp4"));
        assertEquals(Files.mismatch(a, b), -1L);
    }

    @Test
    void missingAndEmptyFilesAreInvalidInput(@TempDir Path dir) throws Exception {
        MediaException missing = assertThrows(MediaException.class, () -> MediaProbe.probe(dir.resolve("nope.mp4")));
        assertEquals(MediaException.Kind.INVALID_INPUT, missing.kind());
        assertTrue(missing.getMessage().contains("nope.mp4"));

        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        assertEquals(MediaException.Kind.INVALID_INPUT,
                assertThrows(MediaException.class, () -> LumaFrameReader.open(empty, 0, 0)).kind());

        Path text = Files.writeString(dir.resolve("notes.mp4"), "this is not a video\n".repeat(50));
        assertEquals(MediaException.Kind.INVALID_INPUT,
                assertThrows(MediaException.class, () -> MediaProbe.probe(text)).kind());
    }

    @Test
    void gplBuildHasX264() {
        assertTrue(Ffmpeg.hasEncoder("libx264"), "the default build bundles FFmpeg's GPL natives with libx264");
    }
}
