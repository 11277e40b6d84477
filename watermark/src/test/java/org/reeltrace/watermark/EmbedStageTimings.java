package org.reeltrace.watermark;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Stage timing of the video embedder's per-picture Java work (not a test: run by
 * bench/watermark/stages.sh). Decodes up to N pictures of a clip to 8-bit luma with the FFmpeg
 * CLI, then runs the marking filter's stages over them several times and prints milliseconds per
 * picture for each stage, plus a CRC of the marked planes (an optimisation that should not change
 * the output must keep it).
 */
public final class EmbedStageTimings {
    private EmbedStageTimings() {
    }

    public static void main(String[] args) throws Exception {
        Path clip = Path.of(args[0]);
        int maxPictures = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int[] size = probeSize(clip);
        int w = size[0];
        int h = size[1];
        List<byte[]> pictures = decode(clip, w, h, maxPictures);
        System.out.printf("%s: %dx%d, %d pictures, %d passes (the first is warm-up)%n", clip, w, h, pictures.size(), passes);
        WatermarkKey key = TestMedia.key(7);
        for (int pass = 0; pass < passes; pass++) {
            VideoMarkingFilter stages = new VideoMarkingFilter(new TilePattern(key), List.of(TestMedia.PAYLOAD));
            byte[][] outputs = {new byte[w * h]};
            CRC32 crc = new CRC32();
            long t0 = System.nanoTime();
            long tGroup = t0;
            StringBuilder groups = new StringBuilder();
            long[] last = new long[2];
            for (int i = 0; i < pictures.size(); i++) {
                byte[] original = pictures.get(i);
                System.arraycopy(original, 0, outputs[0], 0, original.length);
                stages.frame(i, i / 25.0, original, outputs, w, h);
                crc.update(outputs[0]);
                if (pass == 0 && (i + 1) % 25 == 0) {
                    long now = System.nanoTime();
                    long[] g = stages.nanos();
                    groups.append(String.format(" %.0f(%.0f/%.0f)", (now - tGroup) / 1e6 / 25, (g[0] - last[0]) / 1e6 / 25,
                            (g[1] - last[1]) / 1e6 / 25));
                    last = g;
                    tGroup = now;
                }
            }
            if (pass == 0) {
                System.out.println("pass 0, ms per picture by groups of 25 pictures, total(mask/mark) (JIT warm-up):" + groups);
            }
            double total = (System.nanoTime() - t0) / 1e6 / pictures.size();
            long[] ns = stages.nanos();
            int n = pictures.size();
            System.out.printf("pass %d: mask %.2f  mark %.2f  total %.2f ms/picture  crc %08x%n",
                    pass, ns[0] / 1e6 / n, ns[1] / 1e6 / n, total, crc.getValue());
        }
    }

    private static int[] probeSize(Path clip) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=width,height", "-of", "csv=p=0", clip.toString()).redirectErrorStream(true).start();
        String[] wh = new String(p.getInputStream().readAllBytes()).trim().split(",");
        p.waitFor();
        return new int[] {Integer.parseInt(wh[0]), Integer.parseInt(wh[1])};
    }

    private static List<byte[]> decode(Path clip, int w, int h, int max) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-i", clip.toString(), "-frames:v", Integer.toString(max),
                "-f", "rawvideo", "-pix_fmt", "gray", "-").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<byte[]> out = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(p.getInputStream())) {
            while (out.size() < max) {
                byte[] picture = new byte[w * h];
                try {
                    in.readFully(picture);
                } catch (EOFException e) {
                    break;
                }
                out.add(picture);
            }
        }
        p.waitFor();
        return out;
    }
}
