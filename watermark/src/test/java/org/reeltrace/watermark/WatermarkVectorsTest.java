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
 * Test vectors of docs/spec/watermark-v2.md: codewords, tile derivation for fixed keys and the
 * temporal carrier.
 * Regenerate (only when the spec version changes) with -Dwatermark.printVectors=true.
 */
class WatermarkVectorsTest {
    static final String[] KEYS = {"00".repeat(32), "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"};
    static final long[] PAYLOADS = {0L, 1234567890L, -1L};

    static String render() {
        StringBuilder sb = new StringBuilder("{\n  \"version\": \"reeltrace/watermark/v2/\",\n  \"codewords\": [\n");
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
            StringBuilder signsQ = new StringBuilder();
            StringBuilder bits = new StringBuilder();
            for (int i = 0; i < 32; i++) {
                signs.append(t.sign[i] > 0 ? '+' : '-');
                signsQ.append(t.signQ[i] > 0 ? '+' : '-');
                bits.append(i == 0 ? "" : ",").append(t.bitOf[i]);
            }
            rows.add(String.format("    {\"key\": \"%s\", \"signs0to31\": \"%s\", \"signsQ0to31\": \"%s\", \"bits0to31\": [%s]}",
                    k, signs, signsQ, bits));
        }
        sb.append(String.join(",\n", rows)).append("\n  ],\n  \"carrier\": [\n");
        rows.clear();
        for (double t : new double[] {0, 0.1, 0.25, 0.5, 0.75, 1.0, 1.3, 1.5, 1.9, 2.0, 10.04}) {
            rows.add(String.format("    {\"seconds\": %s, \"p\": %.6f, \"q\": %.6f}", t, TemporalCarrier.inPhase(t),
                    TemporalCarrier.quadrature(t)));
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
        try (InputStream in = getClass().getResourceAsStream("/watermark-v2-vectors.json")) {
            assertNotNull(in, "watermark-v2-vectors.json");
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), now);
        }
    }
}
