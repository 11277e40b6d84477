package org.reeltrace.cli.keys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.cli.CliRun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeysCommandTest {
    @TempDir
    Path dir;

    @Test
    void generateThenPublicPrintsTheSameKey() throws Exception {
        Path key = dir.resolve("alice.key");
        CliRun gen = CliRun.of("keys", "generate", "--type", "recipient", "-o", key.toString());
        assertEquals(0, gen.exitCode(), gen.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        CliRun pub = CliRun.of("keys", "public", key.toString());
        assertEquals(0, pub.exitCode(), pub.err());
        assertEquals(gen.out().strip(), pub.out().strip());
        assertTrue(pub.out().startsWith("rt1-rpk-"));
        CliRun json = CliRun.of("--json", "keys", "public", key.toString());
        assertTrue(json.out().contains("\"publicKey\":\"rt1-rpk-"), json.out());
    }

    @Test
    void passphraseFileEncryptsAndUnlocks() throws Exception {
        Path key = dir.resolve("issuer.key");
        Path pass = dir.resolve("pass");
        Files.writeString(pass, "s3cret passphrase\n");
        CliRun gen = CliRun.of("--json", "keys", "generate", "--type", "issuer", "-o", key.toString(), "--passphrase-file", pass.toString());
        assertEquals(0, gen.exitCode(), gen.err());
        assertTrue(gen.out().contains("\"encrypted\":true"), gen.out());
        assertTrue(Files.readString(key).contains("rt1-isk-scrypt-"));
        CliRun pub = CliRun.of("keys", "public", key.toString(), "--passphrase-file", pass.toString());
        assertEquals(0, pub.exitCode(), pub.err());
        assertTrue(pub.out().startsWith("rt1-ipk-"));
        Files.writeString(pass, "wrong\n");
        assertEquals(4, CliRun.of("keys", "public", key.toString(), "--passphrase-file", pass.toString()).exitCode());
    }

    @Test
    void watermarkKeyHasNoPublicPartAndLooseModesAreRefused() throws Exception {
        Path key = dir.resolve("wm.key");
        assertEquals(0, CliRun.of("keys", "generate", "--type", "watermark", "-o", key.toString()).exitCode());
        CliRun pub = CliRun.of("keys", "public", key.toString());
        assertEquals(3, pub.exitCode());
        assertTrue(pub.err().contains("no public part"), pub.err());
        Path rk = dir.resolve("r.key");
        assertEquals(0, CliRun.of("keys", "generate", "--type", "recipient", "-o", rk.toString()).exitCode());
        Files.setPosixFilePermissions(rk, PosixFilePermissions.fromString("rw-r--r--"));
        CliRun loose = CliRun.of("keys", "public", rk.toString());
        assertEquals(3, loose.exitCode());
        assertTrue(loose.err().contains("chmod 600"), loose.err());
        // refusing to overwrite an existing key
        assertEquals(2, CliRun.of("keys", "generate", "--type", "watermark", "-o", key.toString()).exitCode());
    }
}
