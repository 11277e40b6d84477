package org.reeltrace.chain;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CidTest {

    /** Vectors computed by ipfs-unixfs-importer (src/test/js/cid-vectors.mjs). */
    static List<String[]> vectors() throws Exception {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(CidTest.class.getResourceAsStream("/cid-vectors.tsv")), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    out.add(line.split("\t"));
                }
            }
        }
        return out;
    }

    @Test
    void matchesIpfsUnixfsImporterOnEveryVector() throws Exception {
        List<String[]> vectors = vectors();
        assertTrue(vectors.size() >= 9, "vectors cover 0, 1, 256 KiB +-1 and two DAG levels");
        for (String[] v : vectors) {
            long size = Long.parseLong(v[0]);
            assertEquals(v[1], Cid.of(new TestPattern(size)), "size " + size);
        }
    }

    @Test
    void readsFilesFromDisk(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("one.bin");
        Files.write(f, new byte[]{'a'});
        // "a" as a raw leaf: the CID ipfs add --cid-version=1 prints for a one-byte file "a"
        assertEquals("bafkreigks6arfsq3xxfpvqrrwonchxcnu6do76auprhhfomao6c273sixm", Cid.of(f));
    }

    @Test
    void base32IsRfc4648LowercaseUnpadded() {
        assertEquals("mzxw6ytboi", Cid.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
    }
}
