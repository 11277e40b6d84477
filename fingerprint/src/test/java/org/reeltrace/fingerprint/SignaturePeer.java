package org.reeltrace.fingerprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peer: MPEG-7 video signature as implemented by FFmpeg's {@code signature} filter, run with
 * Debian's FFmpeg 5.1 (FFmpeg 8's filter fails to match identical files). Full detect mode on a
 * (query, reference) pair; the answer is the offset (reference time - query time) it reports.
 */
final class SignaturePeer {
    private static final Pattern MATCH = Pattern.compile("matching of video 0 at ([0-9.]+) and 1 at ([0-9.]+), (\\d+) frames matching");

    private SignaturePeer() {
    }

    /** The reported offset, or empty when the filter says "no matching"; null when the peer itself failed. */
    static OptionalDouble offset(Path query, Path reference) throws IOException, InterruptedException {
        List<String> cmd = List.of(FfmpegCli.FFMPEG, "-nostdin", "-hide_banner", "-nostats", "-loglevel", "info", "-threads", "2",
                "-i", query.toString(), "-i", reference.toString(),
                "-filter_complex", "[0:v][1:v]signature=nb_inputs=2:detectmode=full", "-f", "null", "-");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            // the peer crashing (seen under memory pressure) is its result, not ours: report it
            System.err.println("ffmpeg signature failed (exit " + p.exitValue() + "): " + String.join(" ", cmd));
            return null;
        }
        Matcher m = MATCH.matcher(out);
        if (!m.find()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(m.group(2)) - Double.parseDouble(m.group(1)));
    }
}
