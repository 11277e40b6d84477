package org.reeltrace.cli.fingerprint;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.cli.CliRun;
import org.reeltrace.media.testing.SyntheticVideo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fingerprint commands end to end, in-process: contract JSON shapes, exit codes, bad input. */
class FingerprintCliIT {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;
    static Path work;
    static Path other;
    static Path excerpt;

    @BeforeAll
    static void clips() throws Exception {
        work = SyntheticVideo.builder().seed(5).seconds(12).size(480, 270).write(dir.resolve("work.mp4"));
        other = SyntheticVideo.builder().seed(6).seconds(8).size(480, 270).write(dir.resolve("other.mp4"));
        // seconds 4..10 of the work, re-encoded by FFmpeg at a different size and frame rate
        excerpt = dir.resolve("excerpt.mp4");
        Process p = new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-ss", "4", "-i", work.toString(), "-t", "6",
                "-vf", "scale=320:180,fps=30", "-c:v", "libx264", "-crf", "30", "-c:a", "aac", excerpt.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
    }

    @Test
    void missingInputIsExit3WithOneLine() {
        CliRun run = CliRun.of("fingerprint", "create", "/nonexistent.mp4");
        assertEquals(3, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("\"/nonexistent.mp4\""), run.err());
        assertEquals("", run.out());
    }

    @Test
    void corruptEmptyAndNonVideoFilesAreExit3NamingTheFile() throws IOException {
        Path garbage = dir.resolve("garbage.mp4");
        byte[] bytes = new byte[50_000];
        new Random(1).nextBytes(bytes);
        Files.write(garbage, bytes);
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a video\n");
        Path truncated = dir.resolve("truncated.mp4");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(work), 2000));
        for (Path bad : new Path[] {garbage, empty, text, truncated}) {
            CliRun run = CliRun.of("fingerprint", "create", bad.toString(), "-o", dir.resolve("bad.rtfp").toString());
            assertEquals(3, run.exitCode(), bad + ": " + run.err());
            assertTrue(run.err().contains(bad.toString()), run.err());
            assertFalse(Files.exists(dir.resolve("bad.rtfp")), "no partial output");
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no temp files left");
        }
    }

    @Test
    void createInspectAndCompare() throws IOException {
        Path out = dir.resolve("work.rtfp");
        CliRun create = CliRun.of("--json", "fingerprint", "create", work.toString(), "-o", out.toString());
        assertEquals(0, create.exitCode(), create.err());
        assertTrue(Files.size(out) > 1000);
        assertEquals(out.toString(), JSON.readTree(create.out()).get("outputs").get(0).get("output").asString());

        CliRun inspect = CliRun.of("--json", "fingerprint", "inspect", out.toString());
        assertEquals(0, inspect.exitCode(), inspect.err());
        JsonNode info = JSON.readTree(inspect.out());
        assertEquals(1, info.get("formatVersion").asInt());
        assertEquals(12.0, info.get("durationSeconds").asDouble(), 0.2);
        assertEquals(48, info.get("frames").asInt(), 2);

        CliRun compare = CliRun.of("--json", "fingerprint", "compare", excerpt.toString(), out.toString());
        assertEquals(0, compare.exitCode(), compare.err());
        JsonNode m = JSON.readTree(compare.out()).get("matches");
        assertEquals(1, m.size(), compare.out());
        JsonNode seg = m.get(0).get("segments").get(0);
        for (String field : new String[] {"queryStart", "queryEnd", "refStart", "refEnd", "similarity"}) {
            assertTrue(seg.has(field), field);
        }
        assertEquals(4.0, seg.get("refStart").asDouble() - seg.get("queryStart").asDouble(), 0.5);
        assertTrue(m.get(0).get("score").asDouble() > 0.5 && m.get(0).get("score").asDouble() <= 1);

        CliRun none = CliRun.of("--json", "fingerprint", "compare", other.toString(), out.toString());
        assertEquals(0, none.exitCode(), none.err());
        assertEquals(0, JSON.readTree(none.out()).get("matches").size(), none.out());
    }

    @Test
    void catalogAddListMatch() throws IOException {
        String db = dir.resolve("catalog.db").toString();
        CliRun add = CliRun.of("--json", "fingerprint", "add", "--catalog", db, work.toString(), "--title", "The Work", "--work-id", "W1");
        assertEquals(0, add.exitCode(), add.err());
        CliRun again = CliRun.of("fingerprint", "add", "--catalog", db, work.toString(), "--title", "The Work", "--work-id", "W1");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(0, CliRun.of("fingerprint", "add", "--catalog", db, other.toString()).exitCode());

        CliRun list = CliRun.of("--json", "fingerprint", "list", "--catalog", db);
        assertEquals(0, list.exitCode(), list.err());
        assertEquals(2, JSON.readTree(list.out()).get("works").size(), "adding twice is idempotent: " + list.out());

        CliRun match = CliRun.of("--json", "fingerprint", "match", excerpt.toString(), "--catalog", db, "--fail-on-match");
        assertEquals(1, match.exitCode(), match.err());
        JsonNode m = JSON.readTree(match.out()).get("matches");
        assertEquals(1, m.size(), match.out());
        assertEquals("W1", m.get(0).get("workId").asString());
        assertEquals("The Work", m.get(0).get("title").asString());
        assertEquals(4.0, m.get(0).get("segments").get(0).get("refStart").asDouble() - m.get(0).get("segments").get(0).get("queryStart").asDouble(), 0.5);

        Path unrelated = dir.resolve("unrelated.mp4");
        SyntheticVideo.builder().seed(7).seconds(6).size(320, 180).write(unrelated);
        CliRun nothing = CliRun.of("--json", "fingerprint", "match", unrelated.toString(), "--catalog", db, "--fail-on-match");
        assertEquals(0, nothing.exitCode(), nothing.err());
        assertEquals(0, JSON.readTree(nothing.out()).get("matches").size());
    }

    @Test
    void matchingAgainstAMissingCatalogIsExit3() {
        CliRun run = CliRun.of("fingerprint", "list", "--catalog", dir.resolve("nope.db").toString());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("nope.db") && run.err().contains("hint:"), run.err());
        assertFalse(Files.exists(dir.resolve("nope.db")), "a typo does not create a catalog");
    }

    @Test
    void damagedRtfpIsExit3() throws IOException {
        Path out = dir.resolve("other.rtfp");
        assertEquals(0, CliRun.of("fingerprint", "create", other.toString(), "-o", out.toString()).exitCode());
        byte[] b = Files.readAllBytes(out);
        b[b.length / 2] ^= 1;
        Path damaged = Files.write(dir.resolve("damaged.rtfp"), b);
        CliRun run = CliRun.of("fingerprint", "inspect", damaged.toString());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("damaged.rtfp") && run.err().contains("checksum"), run.err());
    }
}
