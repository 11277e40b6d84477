package org.reeltrace.cli.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the built reeltrace.jar, or another program, as a real process and keeps what it printed. */
record JarProcess(int code, String out, String err) {
    static final Path ROOT = Path.of(System.getProperty("reeltrace.root", "..")).toAbsolutePath().normalize();
    static final Path JAR = ROOT.resolve("cli/target/reeltrace.jar");

    static JarProcess reeltrace(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return run(workDir, cmd);
    }

    static JarProcess run(Path workDir, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        assertTrue(!p.isAlive(), "finished within 10 minutes: " + command);
        JarProcess r = new JarProcess(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    static void ffmpeg(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        cmd.addAll(List.of(args));
        JarProcess r = run(workDir, cmd);
        assertTrue(r.code() == 0, "ffmpeg " + String.join(" ", args) + ": " + r.err());
    }
}
