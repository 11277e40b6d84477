package org.reeltrace.drm.cenc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** What an external tool (FFmpeg, Shaka Packager, Bento4) printed, stdout and stderr merged, and its exit code. */
record ToolRun(int exitCode, String output) {
    /** Runs {@code pb} to the end, killing it after {@code timeoutSeconds}. */
    static ToolRun of(ProcessBuilder pb, int timeoutSeconds) throws IOException, InterruptedException {
        Process p = pb.redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", pb.command()));
        }
        return new ToolRun(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
