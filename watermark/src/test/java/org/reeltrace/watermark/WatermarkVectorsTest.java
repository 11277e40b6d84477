package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Test vectors of docs/spec/watermark-v1.md: codewords and tile derivation for fixed keys.
 * Regenerate (only when the spec version changes) with -Dwatermark.printVectors=true.
 */
class WatermarkVectorsTest {
    static final String[] KEYS = {"00".repeat(32), "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"};
    static final long[] PAYLOADS = {0L, 1234567890L, -1L};

    static String render() {
        StringBuilder sb = new StringBuilder("{\n  \"version\": \"reeltrace/watermark/v1/\",\n  \"codewords\": [\n");
        List<String> rows = new ArrayList<>();
        for (long p : PAYLOADS) {
            StringBuilder bits = new StringBuilder();
            for (int b : PayloadCodec.encode(p)) {
                bits.append(b);
            }
            rows.add(String.format("    {\"payload\": \"%s\", \"crc24\": \"%06x\", \"codeword\": \"%s\"}", Long.toUnsignedString(p),
                    Crc24.ofPayload(p), bits));
        }
        sb.append(String.join(",\n", rows)).append("\n  ],\n  \"tiles\": [\n");
        rows.clear();
        for (String k : KEYS) {
            TilePattern t = new TilePattern(WatermarkKey.of(HexFormat.of().parseHex(k)));
            StringBuilder signs = new StringBuilder();
            StringBuilder bits = new StringBuilder();
            for (int i = 0; i < 32; i++) {
                signs.append(t.sign[i] > 0 ? '+' : '-');
                bits.append(i == 0 ? "" : ",").append(t.bitOf[i]);
            }
            rows.add(String.format("    {\"key\": \"%s\", \"signs0to31\": \"%s\", \"bits0to31\": [%s]}", k, signs, bits));
        }
        sb.append(String.join(",\n", rows)).append("\n  ]\n}\n");
        return sb.toString();
    }

    @Test
    void matchesTheCommittedVectors() throws IOException {
        String now = render();
        if (Boolean.getBoolean("watermark.printVectors")) {
            System.out.println(now);
        }
        try (InputStream in = getClass().getResourceAsStream("/watermark-v1-vectors.json")) {
            assertNotNull(in, "watermark-v1-vectors.json");
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), now);
        }
    }
}
