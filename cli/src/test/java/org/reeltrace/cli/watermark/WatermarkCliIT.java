package org.reeltrace.cli.watermark;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.cli.CliRun;
import org.reeltrace.drm.keys.KeyFiles;
import org.reeltrace.media.testing.SyntheticVideo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The watermark commands end to end, in process: contract JSON, exit codes, atomic outputs. */
class WatermarkCliIT {
    @TempDir
    Path dir;
    Path key;
    Path otherKey;
    Path clip;

    @BeforeEach
    void setUp() throws Exception {
        key = dir.resolve("wm.key");
        otherKey = dir.resolve("other.key");
        byte[] k = new byte[32];
        new java.util.Random(1).nextBytes(k);
        KeyFiles.writeWatermarkKey(key, k, Optional.empty());
        k[0] ^= 1;
        KeyFiles.writeWatermarkKey(otherKey, k, Optional.empty());
        clip = SyntheticVideo.builder().seed(5).seconds(4).size(640, 360).write(dir.resolve("clip.mp4"));
    }

    @Test
    void embedThenDetectFollowsTheContract() throws Exception {
        Path out = dir.resolve("marked.mp4");
        CliRun embed = CliRun.of("watermark", "embed", clip.toString(), "-o", out.toString(), "--key", key.toString(),
                "--payload", "1234567890");
        assertEquals(0, embed.exitCode(), embed.err());
        assertTrue(Files.size(out) > 0);
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".partial-")), "no temporary files left");
        }

        CliRun detect = CliRun.of("--json", "watermark", "detect", out.toString(), "--key", key.toString());
        assertEquals(0, detect.exitCode(), detect.err());
        JsonNode json = JsonMapper.builder().build().readTree(detect.out());
        assertTrue(json.get("found").asBoolean(), detect.out());
        assertEquals("1234567890", json.get("payload").asString());
        assertEquals("0x00000000499602d2", json.get("payloadHex").asString());
        assertTrue(json.get("confidence").asDouble() > 0.999);
        assertTrue(json.get("falsePositiveProbability").asDouble() < 1e-6);

        assertEquals(1, CliRun.of("watermark", "detect", out.toString(), "--key", key.toString(), "--fail-on-found").exitCode());

        CliRun wrong = CliRun.of("--json", "watermark", "detect", out.toString(), "--key", otherKey.toString(), "--fail-on-found");
        assertEquals(0, wrong.exitCode(), wrong.err());
        JsonNode w = JsonMapper.builder().build().readTree(wrong.out());
        assertFalse(w.get("found").asBoolean());
        assertFalse(w.has("payload"), "no payload when not found");

        Path png = dir.resolve("diff.png");
        CliRun diff = CliRun.of("watermark", "diff", clip.toString(), out.toString(), "-o", png.toString());
        assertEquals(0, diff.exitCode(), diff.err());
        assertTrue(Files.size(png) > 0);
    }

    @Test
    void badInputsMapToTheContractExitCodes() throws Exception {
        Path out = dir.resolve("x.mp4");
        CliRun range = CliRun.of("watermark", "embed", clip.toString(), "-o", out.toString(), "--key", key.toString(),
                "--payload", "18446744073709551616");
        assertEquals(2, range.exitCode());
        assertTrue(range.err().contains("18446744073709551615"), range.err());

        Path junk = dir.resolve("junk.mp4");
        Files.writeString(junk, "not a video");
        CliRun unreadable = CliRun.of("watermark", "embed", junk.toString(), "-o", out.toString(), "--key", key.toString(),
                "--payload", "1");
        assertEquals(3, unreadable.exitCode(), unreadable.err());
        assertFalse(Files.exists(out), "no partial output");

        assertEquals(3, CliRun.of("watermark", "detect", dir.resolve("missing.mp4").toString(), "--key", key.toString()).exitCode());
    }
}
