package org.reeltrace.fingerprint;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.media.testing.SyntheticVideo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Extraction edge cases: audio-only, video-only, rotation metadata, variable frame rate, damaged streams. */
class ExtractionIT {
    @TempDir
    static Path dir;
    static Path work;
    static Fingerprint workFp;

    @BeforeAll
    static void clip() throws Exception {
        work = SyntheticVideo.builder().seed(21).seconds(12).size(480, 270).fps(25).write(dir.resolve("work.mp4"));
        workFp = Fingerprinter.fingerprint(work);
    }

    static Path ffmpeg(String name, String... args) throws Exception {
        Path out = dir.resolve(name);
        List<String> cmd = new java.util.ArrayList<>(Arrays.asList(args));
        cmd.add(out.toString());
        FfmpegCli.run(cmd);
        return out;
    }

    static void assertFoundAt(Comparison c, double offset) {
        assertTrue(c.matches(), c.toString());
        Segment s = c.segments().get(0);
        assertEquals(offset, s.refStart() - s.queryStart(), 0.5, c.toString());
    }

    @Test
    void audioOnlyFileMatchesThroughItsSoundtrack() throws Exception {
        Path audio = ffmpeg("audio.m4a", "-ss", "3", "-i", work.toString(), "-t", "8", "-vn", "-c:a", "aac", "-b:a", "96k");
        Fingerprint fp = Fingerprinter.fingerprint(audio);
        assertFalse(fp.hasVideo());
        assertTrue(fp.hasAudio());
        assertEquals(8.0, fp.durationSeconds(), 0.3);
        assertFoundAt(Matcher.compare(fp, workFp), 3.0);
    }

    @Test
    void videoOnlyFileMatches() throws Exception {
        Fingerprint fp = Fingerprinter.fingerprint(ffmpeg("silent.mp4", "-i", work.toString(), "-an", "-c:v", "libx264", "-crf", "28"));
        assertFalse(fp.hasAudio());
        assertFoundAt(Matcher.compare(fp, workFp), 0);
    }

    @Test
    void rotationMetadataIsUndone() throws Exception {
        // pixels stored turned 90 degrees clockwise, tagged (display matrix) so that players turn them back,
        // as FFmpeg's own autorotate does (checked by hand: PSNR 41.7 dB against the original)
        Path turned = ffmpeg("turned.mp4", "-i", work.toString(), "-vf", "transpose=1", "-c:v", "libx264", "-crf", "23", "-an");
        Path rotated = ffmpeg("rotated.mp4", "-i", turned.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90");
        Fingerprint fp = Fingerprinter.fingerprint(rotated);
        assertEquals(270, fp.rotationDegrees());
        assertFalse(Matcher.compare(Fingerprinter.fingerprint(turned), workFp).matches(), "without the tag it is another picture");
        Comparison c = Matcher.compare(fp, workFp);
        assertFoundAt(c, 0);
        assertTrue(c.segments().get(0).similarity() > 0.8, c.toString());
    }

    @Test
    void variableFrameRateKeepsTheTimeGrid() throws Exception {
        Path vfr = ffmpeg("vfr.mkv", "-i", work.toString(), "-vf", "select='lt(mod(n\\,10)\\,6)+eq(mod(n\\,4)\\,0)'", "-vsync", "vfr",
                "-c:v", "libx264", "-crf", "23", "-an");
        Fingerprint fp = Fingerprinter.fingerprint(vfr);
        assertEquals(workFp.frameCount(), fp.frameCount(), 2);
        Comparison c = Matcher.compare(fp, workFp);
        assertFoundAt(c, 0);
        assertTrue(c.segments().get(0).similarity() > 0.85, c.toString());
    }

    @Test
    void truncatedStreamFingerprintsWhatDecodes() throws Exception {
        Path ts = ffmpeg("work.ts", "-i", work.toString(), "-c:v", "libx264", "-crf", "23", "-c:a", "aac");
        byte[] all = Files.readAllBytes(ts);
        Path cut = Files.write(dir.resolve("cut.ts"), Arrays.copyOf(all, all.length * 6 / 10));
        Fingerprint fp = Fingerprinter.fingerprint(cut);
        assertTrue(fp.frameCount() > 20 && fp.frameCount() < workFp.frameCount(), "frames " + fp.frameCount());
        assertFoundAt(Matcher.compare(fp, workFp), 0);
        // garbage in the middle: decoding goes on past it
        byte[] damaged = all.clone();
        new java.util.Random(3).ints(30_000, 0, 256).forEach(new java.util.function.IntConsumer() {
            int i = all.length / 2;

            @Override
            public void accept(int v) {
                damaged[i++] = (byte) v;
            }
        });
        Fingerprint fd = Fingerprinter.fingerprint(Files.write(dir.resolve("damaged.ts"), damaged));
        assertTrue(fd.frameCount() >= workFp.frameCount() - 8, "frames " + fd.frameCount());
        assertFoundAt(Matcher.compare(fd, workFp), 0);
    }

    @Test
    void badInputIsInvalidInputNamingTheFile() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello\n".repeat(100));
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        Path missing = dir.resolve("missing.mp4");
        for (Path bad : List.of(text, empty, missing)) {
            FingerprintException e = assertThrows(FingerprintException.class, () -> Fingerprinter.fingerprint(bad));
            assertEquals(FingerprintException.Kind.INVALID_INPUT, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("\"" + bad + "\""), e.getMessage());
        }
    }
}
