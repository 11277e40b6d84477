package org.reeltrace.fingerprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the system FFmpeg (Debian's /usr/bin/ffmpeg) to make attacked copies for tests. */
final class FfmpegCli {
    static final String FFMPEG = Files.isExecutable(Path.of("/usr/bin/ffmpeg")) ? "/usr/bin/ffmpeg" : "ffmpeg";
    static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    private FfmpegCli() {
    }

    static void run(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(FFMPEG, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-threads", "2"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("ffmpeg failed: " + String.join(" ", cmd) + "\n" + new String(out));
        }
    }

    static boolean hasFont() {
        return Files.isReadable(Path.of(FONT));
    }
}
