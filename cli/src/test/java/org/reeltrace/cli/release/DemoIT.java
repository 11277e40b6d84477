package org.reeltrace.cli.release;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `reeltrace demo` runs the whole story green through the real jar. */
class DemoIT {

    @AfterAll
    static void stopDevNode() throws Exception {
        JarProcess.stopDevNode();
    }

    @Test
    void demoTracesTheLeakToBob(@TempDir Path dir) throws Exception {
        Path ws = dir.resolve("ws");
        JarProcess r = JarProcess.reeltrace(dir, "--json", "demo", "-o", ws.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JsonMapper.builder().build().readTree(r.out());
        assertEquals("bob", doc.get("tracedRecipient").asString(), doc.toString());
        assertTrue(doc.get("correct").asBoolean());
        Path report = Path.of(doc.get("report").asString());
        assertTrue(Files.readString(report).contains("data:image/png;base64,"));
        assertTrue(r.err().contains("1/6") && r.err().contains("5/6"), "prints each step as it goes: " + r.err());
        ReleaseTraceIT.assertRendersInABrowser(report, dir.resolve("demo-report.png"));
    }
}
