package org.reeltrace.fingerprint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtfpCodecTest {
    @TempDir
    Path dir;

    /** The fingerprint of the test vector rtfp-v1-vector.hex: 1.25 s, 5 frames, 3 landmarks. */
    static Fingerprint vector() {
        VideoTrack v = new VideoTrack(0.25, 2, 5);
        for (int i = 0; i < 5; i++) {
            int f = v.append();
            v.quality[f] = (byte) (10 * i + 5);
            for (int w = 0; w < 4; w++) {
                v.full[f * 4 + w] = 0x0101010101010101L * (i + 1) + w;
                v.flip[f * 4 + w] = ~v.full[f * 4 + w];
            }
        }
        v.trim();
        for (int k = 0; k < v.regionQuality.length; k++) {
            v.regionQuality[k] = (byte) (200 + k);
            for (int w = 0; w < 4; w++) {
                v.regions[k * 4 + w] = (long) k << 32 | w;
            }
        }
        byte[] sha = new byte[32];
        for (int i = 0; i < 32; i++) {
            sha[i] = (byte) i;
        }
        AudioTrack a = new AudioTrack(8000, 256, new int[] {0x12345, 7, 0x1abcd}, new int[] {0, 3, 3});
        return new Fingerprint(1.25, sha, new int[] {0, 1250, 10000, 8750}, 1, v, a);
    }

    @Test
    void encodingMatchesTheCommittedTestVector() throws Exception {
        String hex;
        try (InputStream in = getClass().getResourceAsStream("/rtfp-v1-vector.hex")) {
            hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s", "");
        }
        byte[] encoded = vector().encode();
        assertEquals(hex, HexFormat.of().formatHex(encoded));
        Fingerprint back = Fingerprint.decode(HexFormat.of().parseHex(hex));
        assertArrayEquals(encoded, back.encode(), "one canonical encoding: decode then encode gives the same bytes");
        assertEquals(1.25, back.durationSeconds());
        assertEquals(5, back.frameCount());
        assertEquals(3, back.audioLandmarkCount());
        assertEquals(90, back.rotationDegrees());
        assertEquals("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", back.sourceSha256());
    }

    @Test
    void writeIsAtomicAndReadBack() throws Exception {
        Fingerprint fp = TestFingerprints.random(3, 30);
        Path out = dir.resolve("x.rtfp");
        fp.write(out);
        Fingerprint back = Fingerprint.read(out);
        assertArrayEquals(fp.encode(), back.encode());
        assertArrayEquals(fp.digest(), back.digest());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp file left beside the output");
        }
    }

    @Test
    void damagedFilesAreRejectedAsInvalidInput() throws Exception {
        byte[] good = vector().encode();
        byte[][] bad = {
                Arrays.copyOf(good, good.length - 1),
                Arrays.copyOf(good, good.length + 1),
                flip(good, 0),
                flip(good, 4),
                flip(good, 60),
                flip(good, good.length - 1),
                new byte[0],
        };
        for (byte[] b : bad) {
            Path p = Files.write(dir.resolve("bad.rtfp"), b);
            FingerprintException e = assertThrows(FingerprintException.class, () -> Fingerprint.read(p));
            assertEquals(FingerprintException.Kind.INVALID_INPUT, e.kind());
            assertTrue(e.getMessage().contains("\"" + p + "\""), e.getMessage());
        }
        FingerprintException missing = assertThrows(FingerprintException.class, () -> Fingerprint.read(dir.resolve("none.rtfp")));
        assertEquals(FingerprintException.Kind.INVALID_INPUT, missing.kind());
    }

    private static byte[] flip(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] ^= 0x10;
        return c;
    }
}
