package org.reeltrace.drm.keys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.drm.DrmException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyFilesTest {
    @TempDir
    Path dir;

    @Test
    void watermarkKeyRoundTripsAndIsWritten0600() throws Exception {
        Path f = dir.resolve("wm.key");
        byte[] key = new byte[32];
        for (int i = 0; i < 32; i++) {
            key[i] = (byte) i;
        }
        KeyFiles.writeWatermarkKey(f, key, Optional.empty());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertArrayEquals(key, KeyFiles.readWatermarkKey(f));
        assertTrue(Files.readString(f).contains("rt1-wmk-"));
    }

    @Test
    void generatedKeysReadBackWithMatchingPublicKeys() throws Exception {
        KeyFiles.GeneratedKey issuer = KeyFiles.generate(KeyKind.ISSUER_SECRET, dir.resolve("i.key"), Optional.empty());
        KeyFiles.GeneratedKey recipient = KeyFiles.generate(KeyKind.RECIPIENT_SECRET, dir.resolve("r.key"), Optional.empty());
        KeyFiles.GeneratedKey wm = KeyFiles.generate(KeyKind.WATERMARK_SECRET, dir.resolve("w.key"), Optional.empty());
        assertEquals(issuer.publicKey().orElseThrow(), KeyFiles.readIssuerKey(issuer.file()).publicKey().text());
        assertEquals(recipient.publicKey().orElseThrow(), KeyFiles.readRecipientKey(recipient.file()).publicKey().text());
        assertEquals(32, KeyFiles.readWatermarkKey(wm.file()).length);
        assertTrue(issuer.publicKey().get().startsWith("rt1-ipk-"));
        assertTrue(recipient.publicKey().get().startsWith("rt1-rpk-"));
        assertEquals(recipient.publicKey().get(), KeyFiles.publicKeyText(recipient.file(), Passphrase.noPrompt(null)));
        // a public key given as text or as a file parses to the same key
        Path pub = dir.resolve("r.pub");
        Files.writeString(pub, recipient.publicKey().get() + "\n");
        assertEquals(KeyFiles.recipientPublicKey(recipient.publicKey().get()), KeyFiles.recipientPublicKey(pub.toString()));
    }

    @Test
    void wrongKindIsRefusedWithAHint() throws Exception {
        KeyFiles.GeneratedKey issuer = KeyFiles.generate(KeyKind.ISSUER_SECRET, dir.resolve("i.key"), Optional.empty());
        DrmException e = assertThrows(DrmException.class, () -> KeyFiles.readWatermarkKey(issuer.file()));
        assertEquals(DrmException.Kind.INVALID_INPUT, e.kind());
        assertTrue(e.getMessage().contains("issuer private key"), e.getMessage());
        assertTrue(e.hint().orElseThrow().contains("--type watermark"));
        DrmException p = assertThrows(DrmException.class, () -> KeyFiles.recipientPublicKey(issuer.publicKey().get()));
        assertTrue(p.getMessage().contains("issuer public key"), p.getMessage());
        assertThrows(DrmException.class, () -> KeyFiles.publicKeyText(
                KeyFiles.generate(KeyKind.WATERMARK_SECRET, dir.resolve("w.key"), Optional.empty()).file(), Passphrase.noPrompt(null)));
    }

    @Test
    void aMistypedCharacterFailsTheChecksum() throws Exception {
        String pub = KeyFiles.generate(KeyKind.RECIPIENT_SECRET, dir.resolve("r.key"), Optional.empty()).publicKey().get();
        int i = pub.length() - 10;
        String typo = pub.substring(0, i) + (pub.charAt(i) == 'a' ? 'b' : 'a') + pub.substring(i + 1);
        DrmException e = assertThrows(DrmException.class, () -> RecipientPublicKey.parse(typo));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        assertThrows(DrmException.class, () -> RecipientPublicKey.parse(pub.substring(0, pub.length() - 1)));
        // the kind tag is covered by the checksum: relabelling a key does not make it another kind
        assertThrows(DrmException.class, () -> IssuerPublicKey.parse(pub.replace("rt1-rpk-", "rt1-ipk-")));
    }

    @Test
    void groupReadablePrivateFilesAreRefused() throws Exception {
        Path f = dir.resolve("wm.key");
        KeyFiles.generate(KeyKind.WATERMARK_SECRET, f, Optional.empty());
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        DrmException e = assertThrows(DrmException.class, () -> KeyFiles.readWatermarkKey(f));
        assertTrue(e.hint().orElseThrow().contains("chmod 600"));
    }

    @Test
    void existingFilesAreNeverOverwritten() throws Exception {
        Path f = dir.resolve("wm.key");
        Files.writeString(f, "precious");
        assertThrows(DrmException.class, () -> KeyFiles.generate(KeyKind.WATERMARK_SECRET, f, Optional.empty()));
        assertEquals("precious", Files.readString(f));
    }

    @Test
    void passphraseProtectedKeysNeedTheRightPassphrase() throws Exception {
        Path f = dir.resolve("r.key");
        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, "correct horse battery staple\n");
        KeyFiles.GeneratedKey k = KeyFiles.generate(KeyKind.RECIPIENT_SECRET, f, Optional.of("correct horse battery staple".toCharArray()));
        assertTrue(k.encrypted());
        String line = Files.readAllLines(f).stream().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
        assertTrue(line.startsWith("rt1-rsk-scrypt-"), line);
        assertEquals(k.publicKey().get(), KeyFiles.readRecipientKey(f, Passphrase.noPrompt(pass)).publicKey().text());
        Files.writeString(pass, "wrong\n");
        DrmException wrong = assertThrows(DrmException.class, () -> KeyFiles.readRecipientKey(f, Passphrase.noPrompt(pass)));
        assertEquals(DrmException.Kind.VERIFICATION_FAILED, wrong.kind());
        if (System.getenv(Passphrase.ENV) == null) {
            DrmException none = assertThrows(DrmException.class, () -> KeyFiles.readRecipientKey(f, Passphrase.noPrompt(null)));
            assertTrue(none.hint().orElseThrow().contains("--passphrase-file"));
        }
    }

    @Test
    void fixedKeyFileVectorStillReads() throws Exception {
        // keys-v1 vector (docs/spec/keys-v1.md): RFC 7748 Alice's scalar and RFC 8032 test 1 seed
        Path r = copyResource("keys-v1/recipient.key");
        Path i = copyResource("keys-v1/issuer.key");
        assertEquals(Files.readString(copyResource("keys-v1/recipient.pub")).strip(), KeyFiles.readRecipientKey(r).publicKey().text());
        assertEquals(Files.readString(copyResource("keys-v1/issuer.pub")).strip(), KeyFiles.readIssuerKey(i).publicKey().text());
        Path enc = copyResource("keys-v1/watermark-scrypt.key");
        Path pass = copyResource("keys-v1/watermark-scrypt.pass");
        byte[] expected = new byte[32];
        for (int b = 0; b < 32; b++) {
            expected[b] = (byte) b;
        }
        assertArrayEquals(expected, KeyFiles.readWatermarkKey(enc, Passphrase.noPrompt(pass)));
        assertFalse(Files.readString(enc).contains(KeyText.encode(KeyKind.WATERMARK_SECRET, expected)));
    }

    private Path copyResource(String name) throws Exception {
        Path target = dir.resolve(name.replace('/', '_'));
        try (var in = getClass().getResourceAsStream("/" + name)) {
            Files.copy(in, target);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        return target;
    }
}
