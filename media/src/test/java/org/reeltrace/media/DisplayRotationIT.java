package org.reeltrace.media;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.media.testing.SyntheticVideo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A phone-style clip: pictures stored turned a quarter, with a display matrix that turns them back.
 * Readers give the picture as shown, and a transcode keeps the matrix.
 */
class DisplayRotationIT {
    @TempDir
    static Path dir;
    private static Path upright;
    private static Path tagged;

    @BeforeAll
    static void clips() throws Exception {
        upright = SyntheticVideo.builder().seed(5).seconds(2).size(320, 240).fps(25).write(dir.resolve("upright.mp4"));
        // stored turned clockwise (240 x 320); the tag makes players turn it back, as FFmpeg's autorotate does
        Path turned = ffmpeg("turned.mp4", "-i", upright.toString(), "-vf", "transpose=1", "-c:v", "libx264", "-crf", "12", "-c:a", "copy");
        tagged = ffmpeg("tagged.mp4", "-i", turned.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90");
    }

    @Test
    void probeGivesTheSizeAsShown() throws Exception {
        MediaInfo info = MediaProbe.probe(tagged);
        assertEquals(240, info.width());
        assertEquals(320, info.height());
        assertEquals(3, info.uprightTurns());
        assertEquals(320, info.displayWidth());
        assertEquals(240, info.displayHeight());
    }

    @Test
    void lumaFramesComeUpright() throws Exception {
        byte[] expected = firstPicture(upright, 160, 120);
        byte[] shown = firstPicture(tagged, 160, 120);
        assertEquals(expected.length, shown.length);
        assertTrue(meanAbsoluteDifference(expected, shown) < 3, "upright reading differs by " + meanAbsoluteDifference(expected, shown));
        try (LumaFrameReader reader = LumaFrameReader.open(tagged, 0, 0)) {
            assertEquals(320, reader.width());
            assertEquals(240, reader.height());
        }
    }

    @Test
    void transcodeShowsTheFilterTheUprightPictureAndKeepsTheMatrix() throws Exception {
        Path out = dir.resolve("out.mp4");
        // the filter paints the top-left corner of the picture as shown
        VideoTranscoder.Result r = VideoTranscoder.transcode(tagged, List.of(out), List.of("out.mp4"),
                VideoTranscoder.EncoderOptions.highQuality(), (index, seconds, original, outputs, width, height) -> {
                    assertEquals(320, width);
                    assertEquals(240, height);
                    for (int y = 0; y < 32; y++) {
                        for (int x = 0; x < 32; x++) {
                            outputs[0][y * width + x] = (byte) 255;
                        }
                    }
                });
        assertEquals(320, r.width());
        assertEquals(240, r.height());
        MediaInfo info = MediaProbe.probe(out);
        assertEquals(240, info.width(), "stored turned, like the input");
        assertEquals(320, info.displayWidth(), "display matrix kept");
        assertTrue(ffprobeSideData(out).contains("rotation=90"), "the output's display matrix");
        byte[] shown = firstPicture(out, 320, 240);
        assertTrue((shown[5 * 320 + 5] & 0xff) > 240, "painted corner at the top left as shown");
        assertTrue((shown[235 * 320 + 315] & 0xff) < 240, "the opposite corner untouched");
    }

    @Test
    void stillsComeUpright() throws Exception {
        BufferedImage still = StillFrames.at(tagged, 1.0, 160);
        assertEquals(160, still.getWidth());
        assertEquals(120, still.getHeight());
    }

    private static byte[] firstPicture(Path clip, int width, int height) throws MediaException {
        try (LumaFrameReader reader = LumaFrameReader.open(clip, width, height)) {
            return reader.next().pixels().clone();
        }
    }

    private static double meanAbsoluteDifference(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return sum / (double) a.length;
    }

    private static Path ffmpeg(String name, String... args) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        List<String> cmd = new java.util.ArrayList<>(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y"));
        cmd.addAll(List.of(args));
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        return out;
    }

    private static String ffprobeSideData(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_streams", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
