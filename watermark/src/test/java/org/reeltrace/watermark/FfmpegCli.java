package org.reeltrace.watermark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Debian's /usr/bin/ffmpeg for attacks and quality measurements in tests. */
final class FfmpegCli {
    static final String FFMPEG = "/usr/bin/ffmpeg";

    private FfmpegCli() {
    }

    static String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(FFMPEG, "-hide_banner", "-nostdin", "-y", "-threads", "2"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("ffmpeg failed: " + String.join(" ", cmd) + "\n" + out.lines().skip(Math.max(0, out.lines().count() - 15)).toList());
        }
        return out;
    }

    /** Applies a filter chain and re-encodes with libx264 at {@code crf}. */
    static Path attack(Path in, Path out, String vf, String codecArgs) throws IOException, InterruptedException {
        List<String> a = new ArrayList<>(List.of("-i", in.toString()));
        if (vf != null) {
            a.addAll(List.of("-vf", vf));
        }
        a.addAll(List.of(codecArgs.split(" ")));
        a.add("-an");
        a.add(out.toString());
        run(a.toArray(String[]::new));
        return out;
    }

    /** {psnrY, ssimY} of {@code a} against {@code b}. */
    static double[] quality(Path a, Path b) throws IOException, InterruptedException {
        String out = run("-i", a.toString(), "-i", b.toString(), "-lavfi",
                "[0:v]format=yuv420p,split[a0][a1];[1:v]format=yuv420p,split[b0][b1];[a0][b0]psnr;[a1][b1]ssim", "-f", "null", "-");
        Matcher p = Pattern.compile("PSNR y:([0-9.inf]+)").matcher(out);
        Matcher s = Pattern.compile("SSIM Y:([0-9.]+)").matcher(out);
        if (!p.find() || !s.find()) {
            throw new IOException("no PSNR/SSIM in ffmpeg output: " + out);
        }
        double psnr = p.group(1).equals("inf") ? 99 : Double.parseDouble(p.group(1));
        return new double[] {psnr, Double.parseDouble(s.group(1))};
    }
}
