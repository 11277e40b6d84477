package org.reeltrace.chain;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Leaves, roots and proofs against anchor-v1-vectors.json, computed from the spec by js-sha3 (src/test/js). */
class AnchorVectorsTest {

    static JsonNode vectors() throws Exception {
        try (InputStream in = AnchorVectorsTest.class.getResourceAsStream("/anchor-v1-vectors.json")) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void leavesMatchTheIndependentEncoding() throws Exception {
        JsonNode items = vectors().get("items");
        assertEquals(34, items.size());
        for (JsonNode it : items) {
            byte[] leaf = AnchorLeaf.hash(it.get("kind").asString(), it.get("algorithm").asString(),
                    HexFormat.of().parseHex(it.get("digest").asString()));
            assertEquals(it.get("leaf").asString(), Hex.of(leaf), it.get("name").asString());
        }
    }

    @Test
    void rootsAndProofsMatchForOddAndEvenBatches() throws Exception {
        JsonNode v = vectors();
        List<byte[]> all = new ArrayList<>();
        for (JsonNode it : v.get("items")) {
            all.add(Hex.parse32(it.get("leaf").asString()));
        }
        for (JsonNode b : v.get("batches")) {
            int n = b.get("leaves").asInt();
            MerkleTree t = MerkleTree.of(all.subList(0, n));
            assertEquals(b.get("root").asString(), Hex.of(t.root()), n + " leaves");
            for (int i = 0; i < n; i++) {
                List<String> expected = new ArrayList<>();
                b.get("proofs").get(i).forEach(p -> expected.add(p.asString()));
                List<String> got = t.proof(i).stream().map(Hex::of).toList();
                assertEquals(expected, got, n + " leaves, index " + i);
                assertArrayEquals(t.root(), MerkleTree.rootOf(all.get(i), t.proof(i)));
            }
        }
    }

    @Test
    void aLeafNeverVerifiesWithAnotherLeafsProof() throws Exception {
        List<byte[]> leaves = new ArrayList<>();
        for (JsonNode it : vectors().get("items")) {
            leaves.add(Hex.parse32(it.get("leaf").asString()));
        }
        MerkleTree t = MerkleTree.of(leaves);
        for (int i = 1; i < leaves.size(); i++) {
            assertFalse(java.util.Arrays.equals(t.root(), MerkleTree.rootOf(leaves.get(i), t.proof(i - 1))));
        }
    }

    @Test
    void leafFieldsOutsideTheEncodingAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AnchorLeaf.hash("File", "sha-256", new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> AnchorLeaf.hash("file", "sha-256", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> AnchorLeaf.hash("file", "sha-256", new byte[65]));
        assertThrows(IllegalArgumentException.class, () -> AnchorLeaf.hash("x".repeat(65), "sha-256", new byte[32]));
    }
}
