package org.reeltrace.cli.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the built reeltrace.jar, or another program, as a real process and keeps what it printed. The
 * jar runs with a throwaway reeltrace home (journal, dev node), never the developer's own; a test
 * class that anchors calls {@link #stopDevNode()} when done, so no anvil outlives it.
 */
record JarProcess(int code, String out, String err) {
    static final Path ROOT = Path.of(System.getProperty("reeltrace.root", "..")).toAbsolutePath().normalize();
    static final Path JAR = ROOT.resolve("cli/target/reeltrace.jar");
    private static Path home;

    static JarProcess reeltrace(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dreeltrace.home=" + home(), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return run(workDir, cmd);
    }

    /** The reeltrace home of every jar run in this test JVM, made on first use. */
    static synchronized Path home() throws IOException {
        if (home == null) {
            home = Files.createTempDirectory("reeltrace-it-home");
        }
        return home;
    }

    /** Stops the dev node of {@link #home()} if one runs there. */
    static void stopDevNode() throws IOException, InterruptedException {
        if (home != null) {
            JarProcess r = reeltrace(home, "chain", "dev", "stop");
            assertTrue(r.code() == 0, "chain dev stop: " + r.err());
        }
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
