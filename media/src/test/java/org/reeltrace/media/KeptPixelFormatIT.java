package org.reeltrace.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A re-encode keeps the source's pixel format (depth, chroma) when the encoder takes it, and edits luma at that depth. */
class KeptPixelFormatIT {
    /** FFV1 is lossless at every depth, so what the filter did is exactly what comes out (x264's CRF 0 is not lossless at 10 bits). */
    private static final VideoTranscoder.EncoderOptions LOSSLESS = new VideoTranscoder.EncoderOptions("ffv1", null, null, null);

    @TempDir
    Path dir;

    @Test
    void tenBitStaysTenBitAndAnEditOfOneLevelMovesEachSampleByFour() throws Exception {
        Path in = source("ten.mkv", "yuv420p10le");
        Path out = dir.resolve("ten-out.mkv");
        VideoTranscoder.transcode(in, List.of(out), List.of("out.mkv"), LOSSLESS,
                (index, seconds, original, outputs, width, height) -> {
                    for (int i = 0; i < outputs[0].length; i++) {
                        outputs[0][i] = (byte) Math.min(255, (outputs[0][i] & 0xff) + 1);
                    }
                });
        assertEquals("yuv420p10le", pixelFormat(out));
        int[] before = firstLuma(in);
        int[] after = firstLuma(out);
        int exact = 0;
        for (int i = 0; i < before.length; i++) {
            if (before[i] < 1000) {
                if (before[i] + 4 != after[i]) {
                    throw new AssertionError("sample " + i + ": " + before[i] + " became " + after[i] + ", not " + (before[i] + 4));
                }
                exact++;
            }
        }
        assertTrue(exact > before.length / 2, "compared " + exact);
    }

    @Test
    void anUneditedTenBitPictureComesBackBitForBit() throws Exception {
        Path in = source("ten-plain.mkv", "yuv420p10le");
        Path out = dir.resolve("ten-plain-out.mkv");
        VideoTranscoder.transcode(in, List.of(out), List.of("out.mkv"), LOSSLESS, (index, seconds, original, outputs, width, height) -> { });
        assertEquals("yuv420p10le", pixelFormat(out));
        assertTrue(java.util.Arrays.equals(firstLuma(in), firstLuma(out)), "10-bit luma bit for bit");
    }

    @Test
    void chromaLayoutsAreKeptAndOthersBecomeFourTwoZero() throws Exception {
        for (String[] c : new String[][] {{"yuv444p", "yuv444p"}, {"yuv422p", "yuv422p"}, {"yuv420p", "yuv420p"}, {"nv12", "yuv420p"},
                {"yuvj420p", "yuv420p"}}) {
            Path in = source("src-" + c[0] + ".mkv", c[0]);
            Path out = dir.resolve("out-" + c[0] + ".mkv");
            VideoTranscoder.transcode(in, List.of(out), List.of("out.mkv"), VideoTranscoder.EncoderOptions.highQuality(),
                    (index, seconds, original, outputs, width, height) -> { });
            assertEquals(c[1], pixelFormat(out), c[0] + " source");
        }
    }

    /** Two seconds of FFmpeg's test pattern in {@code format}, lossless (FFV1 keeps every format here). */
    private Path source(String name, String format) throws IOException, InterruptedException {
        Path p = dir.resolve(name);
        run("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10", "-t", "1",
                "-pix_fmt", format, "-c:v", "ffv1", p.toString());
        return p;
    }

    private static String pixelFormat(Path p) throws IOException, InterruptedException {
        return new String(run("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=pix_fmt", "-of", "csv=p=0",
                p.toString())).trim();
    }

    /** The first picture's 10-bit luma plane as decoded (raw yuv420p10le, no conversion). */
    private static int[] firstLuma(Path p) throws IOException, InterruptedException {
        byte[] raw = run("ffmpeg", "-nostdin", "-loglevel", "error", "-i", p.toString(), "-frames:v", "1", "-f", "rawvideo", "-");
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int[] samples = new int[160 * 120];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = b.getShort(2 * i) & 0xffff;
        }
        return samples;
    }

    private static byte[] run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(cmd))).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream s = p.getInputStream()) {
            s.transferTo(out);
        }
        assertEquals(0, p.waitFor(), String.join(" ", cmd));
        return out.toByteArray();
    }
}
