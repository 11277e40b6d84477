package org.reeltrace.drm.cenc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs Debian's ffmpeg for interop tests. */
final class FfmpegTool {
    private FfmpegTool() {
    }

    static String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-v", "error"));
        cmd.addAll(Arrays.asList(args));
        ToolRun r = ToolRun.of(new ProcessBuilder(cmd), 300);
        if (r.exitCode() != 0) {
            throw new IOException("ffmpeg failed (" + r.exitCode() + "): " + cmd + "\n" + r.output());
        }
        return r.output();
    }

    /** Per-frame MD5 lines (stream, dts, pts, duration, size, md5) of every stream of {@code file}, decoded. */
    static List<String> frameMd5(Path file, String... inputOptions) throws IOException, InterruptedException {
        return frameMd5(file, List.of(inputOptions), List.of());
    }

    /**
     * Per-frame MD5 lines, grouped by stream (stable), so files that interleave tracks differently
     * (progressive versus fragmented) compare equal when every stream decodes to the same frames.
     */
    static List<String> frameMd5(Path file, List<String> inputOptions, List<String> outputOptions) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(inputOptions);
        args.addAll(List.of("-i", file.toString(), "-map", "0"));
        args.addAll(outputOptions);
        args.addAll(List.of("-f", "framemd5", "-"));
        // only framemd5 rows: decoder complaints (a wrong key) share the merged output stream
        return run(args.toArray(String[]::new)).lines().filter(l -> l.matches("\\s*\\d+,.*"))
                .sorted(java.util.Comparator.comparing(l -> l.substring(0, l.indexOf(',')))).toList();
    }

    /**
     * Size and MD5 of each frame of {@code file}'s first stream of {@code type} ("v", "a"): packets as
     * stored ({@code copy}) or decoded; one "undecodable" line when FFmpeg cannot read it.
     */
    static List<String> firstStream(Path file, String type, boolean copy) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("-i", file.toString(), "-map", "0:" + type + ":0"));
        if (copy) {
            args.addAll(List.of("-c", "copy"));
        }
        args.addAll(List.of("-f", "framemd5", "-"));
        String text;
        try {
            text = run(args.toArray(String[]::new));
        } catch (IOException e) {
            return List.of("undecodable: " + e.getMessage());
        }
        return text.lines().filter(l -> l.matches("\\s*\\d+,.*")).map(l -> {
            String[] f = l.split(",");
            return f[4].strip() + "," + f[5].strip();
        }).toList();
    }

    /** Stream, size and MD5 of each frame line, without timestamps. */
    static List<String> content(List<String> frames) {
        return frames.stream().map(l -> {
            String[] f = l.split(",");
            return f[0].strip() + "," + f[4].strip() + "," + f[5].strip();
        }).toList();
    }

    /** Asserts two frame lists are equal, reporting only the first difference. */
    static void assertSameFrames(List<String> expected, List<String> actual, String what) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                throw new AssertionError(what + ": frame line " + i + " differs: expected <" + expected.get(i) + "> but was <" + actual.get(i) + ">");
            }
        }
        if (expected.size() != actual.size()) {
            throw new AssertionError(what + ": " + expected.size() + " frames expected, " + actual.size() + " decoded");
        }
    }

    /** A seeded synthetic H.264 + AAC clip (x264 with B-frames, two GOPs per second). */
    static Path syntheticClip(Path dir, double seconds) throws IOException, InterruptedException {
        Path out = dir.resolve("synthetic.mp4");
        run("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", Double.toString(seconds), "-c:v", "libx264", "-preset", "veryfast", "-g", "12", "-bf", "2", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "64k", "-movflags", "+faststart", out.toString());
        return out;
    }
}
