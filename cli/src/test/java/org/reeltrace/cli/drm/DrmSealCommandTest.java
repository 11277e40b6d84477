package org.reeltrace.cli.drm;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.cli.CliRun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrmSealCommandTest {
    @TempDir
    Path dir;
    Path issuerKey;
    Path aliceKey;
    Path bobKey;
    String issuerPub;
    String alicePub;
    Path plain;

    @BeforeEach
    void setUp() throws Exception {
        issuerKey = dir.resolve("issuer.key");
        aliceKey = dir.resolve("alice.key");
        bobKey = dir.resolve("bob.key");
        issuerPub = ok("keys", "generate", "--type", "issuer", "-o", issuerKey.toString()).out().strip();
        alicePub = ok("keys", "generate", "--type", "recipient", "-o", aliceKey.toString()).out().strip();
        ok("keys", "generate", "--type", "recipient", "-o", bobKey.toString());
        byte[] b = new byte[100_000];
        new Random(7).nextBytes(b);
        plain = dir.resolve("screener.bin");
        Files.write(plain, b);
    }

    private static CliRun ok(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), r.err());
        return r;
    }

    @Test
    void sealOpenInspectRoundTrip() throws Exception {
        Path sealed = dir.resolve("s.rtseal");
        CliRun seal = ok("--json", "drm", "seal", plain.toString(), "-o", sealed.toString(), "--recipient", alicePub,
                "--issuer-key", issuerKey.toString(), "--not-after", "2999-01-01T00:00:00Z", "--payload", "0xdeadbeef");
        assertTrue(seal.out().contains("\"payload\":\"3735928559\""), seal.out());
        Path out = dir.resolve("out.bin");
        ok("drm", "open", sealed.toString(), "-o", out.toString(), "--identity", aliceKey.toString(), "--issuer", issuerPub);
        assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(out));
        CliRun inspect = ok("--json", "drm", "inspect", sealed.toString());
        assertTrue(inspect.out().contains("\"signatureValid\":true"), inspect.out());
        assertTrue(inspect.out().contains(alicePub));
    }

    @Test
    void failuresExitFourAndWriteNothing() throws Exception {
        Path sealed = dir.resolve("s.rtseal");
        ok("drm", "seal", plain.toString(), "-o", sealed.toString(), "--recipient", alicePub, "--issuer-key", issuerKey.toString());
        Path expired = dir.resolve("expired.rtseal");
        ok("drm", "seal", plain.toString(), "-o", expired.toString(), "--recipient", alicePub, "--issuer-key", issuerKey.toString(),
                "--not-after", "2020-01-01T00:00:00Z");
        Path future = dir.resolve("future.rtseal");
        ok("drm", "seal", plain.toString(), "-o", future.toString(), "--recipient", alicePub, "--issuer-key", issuerKey.toString(),
                "--not-before", "2999-01-01T00:00:00Z");
        Path otherIssuer = dir.resolve("other.key");
        String otherPub = ok("keys", "generate", "--type", "issuer", "-o", otherIssuer.toString()).out().strip();
        byte[] bytes = Files.readAllBytes(sealed);
        Path tampered = dir.resolve("tampered.rtseal");
        byte[] t = bytes.clone();
        t[t.length / 2] ^= 4;
        Files.write(tampered, t);
        Path truncated = dir.resolve("truncated.rtseal");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        Path extended = dir.resolve("extended.rtseal");
        Files.write(extended, java.util.Arrays.copyOf(bytes, bytes.length + 16));
        Path out = dir.resolve("never.bin");
        String[][] cases = {
                {sealed.toString(), "--identity", bobKey.toString()},
                {tampered.toString(), "--identity", aliceKey.toString()},
                {truncated.toString(), "--identity", aliceKey.toString()},
                {extended.toString(), "--identity", aliceKey.toString()},
                {expired.toString(), "--identity", aliceKey.toString()},
                {future.toString(), "--identity", aliceKey.toString()},
                {sealed.toString(), "--identity", aliceKey.toString(), "--issuer", otherPub},
                {sealed.toString(), "--identity", issuerKey.toString()},
                {sealed.toString(), "--identity", aliceKey.toString(), "--issuer", alicePub},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length + 4];
            args[0] = "drm";
            args[1] = "open";
            args[2] = c[0];
            args[3] = "-o";
            args[4] = out.toString();
            System.arraycopy(c, 1, args, 5, c.length - 1);
            CliRun r = CliRun.of(args);
            assertEquals(4, r.exitCode(), String.join(" ", c) + ": " + r.err());
            assertFalse(Files.exists(out), String.join(" ", c));
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void badArgumentsAreUsageErrors() {
        Path sealed = dir.resolve("s.rtseal");
        assertEquals(2, CliRun.of("drm", "seal", plain.toString(), "-o", sealed.toString(), "--recipient", alicePub,
                "--issuer-key", issuerKey.toString(), "--not-after", "tomorrow").exitCode());
        assertEquals(3, CliRun.of("drm", "seal", plain.toString(), "-o", sealed.toString(), "--recipient", issuerPub,
                "--issuer-key", issuerKey.toString()).exitCode());
        assertFalse(Files.exists(sealed));
    }
}
