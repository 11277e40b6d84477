package org.reeltrace.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.media.testing.SyntheticVideo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The single-pass reader gives exactly what the two one-stream readers give, from one demux pass. */
class LumaPcmReaderIT {

    @Test
    void onePassGivesTheSamePicturesAndSamplesAsTwoPasses(@TempDir Path dir) throws Exception {
        Path clip = SyntheticVideo.builder().seed(11).seconds(3).size(320, 240).fps(25).write(dir.resolve("a.mp4"));

        Map<Double, byte[]> pictures = new HashMap<>();
        float[] pcm = new float[0];
        int samples = 0;
        try (LumaPcmReader reader = LumaPcmReader.open(clip, 64, 48, 8000)) {
            assertTrue(reader.hasVideo());
            assertTrue(reader.hasAudio());
            assertEquals(25.0, reader.frameRate(), 0.01);
            assertEquals(3.0, reader.durationSeconds(), 0.2);
            assertEquals(0.0, reader.rotation());
            assertTrue(reader.formatName().contains("mp4"), reader.formatName());
            reader.wantPictures(LumaPcmReaderIT::wanted);
            LumaPcmReader.Item item;
            while ((item = reader.next()) != null) {
                if (item == LumaPcmReader.Item.PICTURE) {
                    LumaFrame f = reader.picture();
                    assertEquals(wanted(f.timestamp()), f.pixels() != null, "pixels exactly for wanted pictures, at " + f.timestamp());
                    if (f.pixels() != null) {
                        pictures.put(f.timestamp(), f.pixels().clone());
                    }
                } else {
                    pcm = Arrays.copyOf(pcm, samples + reader.sampleCount());
                    System.arraycopy(reader.samples(), 0, pcm, samples, reader.sampleCount());
                    samples += reader.sampleCount();
                }
            }
            assertEquals(0, reader.skippedErrors());
        }
        assertEquals(50, pictures.size(), "every wanted picture (two in three) came with its pixels");

        try (LumaFrameReader reader = LumaFrameReader.open(clip, 64, 48)) {
            LumaFrame f;
            while ((f = reader.next()) != null) {
                if (wanted(f.timestamp())) {
                    assertArrayEquals(f.pixels(), pictures.get(f.timestamp()), "picture at " + f.timestamp());
                }
            }
        }
        try (PcmAudioReader audio = PcmAudioReader.open(clip, 8000)) {
            assertArrayEquals(audio.readAll(), pcm);
        }
    }

    /** Two pictures in three (25 fps). */
    private static boolean wanted(double t) {
        return Math.round(t * 25) % 3 != 1;
    }

    @Test
    void videoOnlyAndAudioOnlyFiles(@TempDir Path dir) throws Exception {
        Path silent = SyntheticVideo.builder().seed(2).seconds(1).audio(false).write(dir.resolve("silent.mp4"));
        try (LumaPcmReader reader = LumaPcmReader.open(silent, 32, 32, 8000)) {
            assertTrue(reader.hasVideo());
            assertFalse(reader.hasAudio());
            int pictures = 0;
            LumaPcmReader.Item item;
            while ((item = reader.next()) != null) {
                assertEquals(LumaPcmReader.Item.PICTURE, item);
                pictures++;
            }
            assertTrue(pictures > 20);
        }
        Path clip = SyntheticVideo.builder().seed(2).seconds(2).write(dir.resolve("clip.mp4"));
        Path sound = dir.resolve("sound.m4a");
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", clip.toString(), "-vn", "-c:a", "aac", sound.toString())
                .redirectErrorStream(true).start();
        assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes()));
        try (LumaPcmReader reader = LumaPcmReader.open(sound, 32, 32, 8000)) {
            assertFalse(reader.hasVideo());
            assertTrue(reader.hasAudio());
            long samples = 0;
            LumaPcmReader.Item item;
            while ((item = reader.next()) != null) {
                assertEquals(LumaPcmReader.Item.SAMPLES, item);
                samples += reader.sampleCount();
            }
            assertEquals(2 * 8000, samples, 1500);
        }
    }

    @Test
    void badFilesAreInvalidInputNamingTheFile(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "this is not a video\n".repeat(50));
        MediaException e = assertThrows(MediaException.class, () -> LumaPcmReader.open(text, 32, 32, 8000));
        assertEquals(MediaException.Kind.INVALID_INPUT, e.kind());
        assertTrue(e.getMessage().startsWith("cannot read \"" + text + "\" as media: "), e.getMessage());

        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        assertEquals("\"" + empty + "\" is empty",
                assertThrows(MediaException.class, () -> LumaPcmReader.open(empty, 32, 32, 8000)).getMessage());
    }
}
