package org.reeltrace.cli;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    @Test
    void ffmpegIsPreloadedOnlyForCommandGroupsThatUseMedia() {
        assertTrue(Main.needsMedia(new String[] {"-q", "--json", "watermark", "detect", "x.mp4"}));
        assertTrue(Main.needsMedia(new String[] {"fingerprint", "create", "x.mp4"}));
        assertFalse(Main.needsMedia(new String[] {"keys", "generate", "--type", "watermark"}));
        assertFalse(Main.needsMedia(new String[] {"--version"}));
        assertFalse(Main.needsMedia(new String[] {"drm", "seal", "watermark"}));
    }

    @Test
    void helpListsEveryGroup() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode());
        for (String group : new String[] {"keys", "fingerprint", "watermark", "drm", "chain", "cid", "release", "trace", "demo", "completion"}) {
            assertTrue(run.out().contains(group), "help lists " + group);
        }
    }

    @Test
    void jsonVersionIsOneJsonDocument() {
        CliRun run = CliRun.of("--json", "--version");
        assertEquals(0, run.exitCode());
        JsonNode doc = JsonMapper.builder().build().readTree(run.out());
        assertTrue(doc.hasNonNull("version"));
        assertTrue(doc.hasNonNull("commit"));
        // keys in a fixed order, so that CI logs diff cleanly (Map.of's order changes from JVM to JVM)
        assertTrue(run.out().startsWith("{\"version\":"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void plainVersionNamesTheCommit() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("reeltrace "));
        assertTrue(run.out().contains("commit"));
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("fingerprint", "create", "--frobnicate", "x.mp4");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("reeltrace: error: "), run.err());
        assertTrue(run.err().contains("--frobnicate"));
        assertTrue(run.err().contains("hint: see 'reeltrace fingerprint create --help'"));
        assertEquals("", run.out());
    }

    @Test
    void missingCommandIsAUsageError() {
        assertEquals(2, CliRun.of().exitCode());
        assertEquals(2, CliRun.of("drm").exitCode());
    }

    @Test
    void globalOptionsWorkAfterTheSubcommand() {
        CliRun run = CliRun.of("completion", "bash", "--json", "-q", "--no-progress");
        assertEquals(0, run.exitCode());
    }

    @Test
    void enumValuesAreChecked() {
        CliRun run = CliRun.of("keys", "generate", "--type", "banana", "-o", "k");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("banana"));
    }

    @Test
    void completionPrintsScripts() {
        CliRun bash = CliRun.of("completion", "bash");
        assertEquals(0, bash.exitCode());
        assertTrue(bash.out().contains("complete -F"));
        CliRun zsh = CliRun.of("completion", "zsh");
        assertTrue(zsh.out().startsWith("#compdef reeltrace"));
    }

    @Test
    void missingInputExitsThreeWithOneLineNamingTheFile() {
        CliRun run = CliRun.of("fingerprint", "create", "/nonexistent.mp4");
        assertEquals(3, run.exitCode());
        assertEquals("reeltrace: error: no such file \"/nonexistent.mp4\"\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void errorsAreOneLineWithoutStackTraceUnlessVerbose() {
        CliRun quiet = CliRun.of("fingerprint", "create", "/nonexistent.mp4");
        assertFalse(quiet.err().contains("\tat "), quiet.err());
        CliRun verbose = CliRun.of("-v", "fingerprint", "create", "/nonexistent.mp4");
        assertEquals(quiet.exitCode(), verbose.exitCode());
    }
}
