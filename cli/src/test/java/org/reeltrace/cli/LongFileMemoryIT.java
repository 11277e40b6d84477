package org.reeltrace.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Multi-hour files in bounded memory: a two-hour clip with sound is fingerprinted by the real jar
 * under a 48 MiB heap. Keeping its 36,000 decoded pictures (or its 57.6 million audio samples as
 * floats) would need far more; the fingerprint itself is a few megabytes.
 */
class LongFileMemoryIT {
    @TempDir
    Path dir;

    @Test
    void twoHourClipFingerprintsUnderA48MibHeap() throws Exception {
        Path clip = dir.resolve("two-hours.mp4");
        Process gen = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=5",
                "-f", "lavfi", "-i", "sine=frequency=440:beep_factor=4:sample_rate=8000",
                "-t", "7200", "-c:v", "libx264", "-preset", "ultrafast", "-g", "100", "-c:a", "aac", "-b:a", "16k",
                "-shortest", clip.toString()).inheritIO().start();
        assertEquals(0, gen.waitFor(), "ffmpeg made the two-hour clip");

        Path out = dir.resolve("two-hours.rtfp");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "--enable-native-access=ALL-UNNAMED", "-jar",
                Path.of(System.getProperty("reeltrace.root", "..")).toAbsolutePath().normalize()
                        .resolve("cli/target/reeltrace.jar").toString(),
                "--json", "fingerprint", "create", clip.toString(), "-o", out.toString()));
        ReeltraceJarIT.Result r = ReeltraceJarIT.run(cmd);
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JsonMapper.builder().build().readTree(r.out()).get("outputs").get(0);
        assertEquals(7200, doc.get("durationSeconds").asDouble(), 1.0);
        assertTrue(doc.get("frames").asInt() > 7200, "frames on the time grid: " + doc);
        assertTrue(doc.get("audioLandmarks").asInt() > 7200, "audio landmarks: " + doc);
        long bytes = Files.size(out);
        assertTrue(bytes > 1_000_000 && bytes < 20_000_000, "fingerprint of two hours: " + bytes + " bytes");
    }
}
