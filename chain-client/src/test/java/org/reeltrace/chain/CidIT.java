package org.reeltrace.chain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the committed reference script (ipfs-unixfs-importer) now, on sizes the committed vectors
 * do not have, and on the committed ones, and compares with Cid. Needs node and
 * src/test/js/node_modules (.ci/setup.d/chain.sh); fails without them.
 */
class CidIT {
    @Test
    void matchesIpfsUnixfsImporterRunNow(@TempDir Path dir) throws Exception {
        Path js = Path.of(System.getProperty("reeltrace.chain.js", "src/test/js"));
        assertTrue(Files.isDirectory(js.resolve("node_modules/ipfs-unixfs-importer")),
                "missing " + js.resolve("node_modules") + ": run .ci/setup.d/chain.sh (npm ci in src/test/js)");
        Path out = dir.resolve("vectors.tsv");
        List<String> sizes = List.of("0", "2", "262143", "262144", "262145", "524288", "524289", String.valueOf(174L * 262144 * 2 + 3));
        List<String> cmd = new java.util.ArrayList<>(List.of("node", js.resolve("cid-vectors.mjs").toString(), out.toString()));
        cmd.addAll(sizes);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("node.log").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("node.log")));
        int compared = 0;
        for (String line : Files.readAllLines(out)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] v = line.split("\t");
            assertEquals(v[1], Cid.of(new TestPattern(Long.parseLong(v[0]))), "size " + v[0]);
            compared++;
        }
        assertEquals(sizes.size(), compared);
    }
}
