package org.reeltrace.cli;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the shaded jar and the ./reeltrace launcher as real processes, the way users do. */
class ReeltraceJarIT {
    private static final Path ROOT = Path.of(System.getProperty("reeltrace.root", "..")).toAbsolutePath().normalize();
    private static final Path JAR = ROOT.resolve("cli/target/reeltrace.jar");

    record Result(int code, String out, String err) {
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("rt-out", ".txt");
        Path err = Files.createTempFile("rt-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "finished in time: " + command);
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Result jar(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    @Test
    void helpListsEveryGroup() throws Exception {
        Result r = jar("--help");
        assertEquals(0, r.code(), r.err());
        for (String group : new String[] {"keys", "fingerprint", "watermark", "drm", "chain", "cid", "release", "trace", "demo", "completion"}) {
            assertTrue(r.out().contains(group), group);
        }
    }

    @Test
    void jsonVersionIsValidJson() throws Exception {
        Result r = jar("--json", "--version");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JsonMapper.builder().build().readTree(r.out());
        assertTrue(doc.get("version").asString().matches("\\d+\\.\\d+\\.\\d+.*"));
        assertTrue(doc.get("commit").asString().matches("[0-9a-f]{40}(-dirty)?|unknown"), doc.toString());
    }

    @Test
    void missingInputExitsThreeWithOneLine() throws Exception {
        Result r = jar("fingerprint", "create", "/nonexistent.mp4");
        assertEquals(3, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("reeltrace: error: ") && r.err().contains("\"/nonexistent.mp4\""), r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownOptionExitsTwo() throws Exception {
        Result r = jar("--frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("reeltrace: error: "), r.err());
    }

    @Test
    void launcherFindsAJdkAndRunsTheJar() throws Exception {
        Result r = run(List.of("bash", ROOT.resolve("reeltrace").toString(), "--json", "--version"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"version\""), r.out());
    }
}
