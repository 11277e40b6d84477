package org.reeltrace.drm.seal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.keys.IssuerKey;
import org.reeltrace.drm.keys.RecipientKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SealedEnvelopeTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2027-01-15T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final SecureRandom random = new SecureRandom();
    private IssuerKey issuer;
    private RecipientKey alice;
    private RecipientKey bob;
    private RecipientKey mallory;

    @BeforeEach
    void keys() {
        issuer = IssuerKey.generate(random);
        alice = RecipientKey.generate(random);
        bob = RecipientKey.generate(random);
        mallory = RecipientKey.generate(random);
    }

    private Path content(int size) throws Exception {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        Path p = dir.resolve("plain-" + size + ".bin");
        Files.write(p, b);
        return p;
    }

    private Path seal(Path in, LicenceTerms terms) throws DrmException {
        Path out = dir.resolve(in.getFileName() + ".rtseal");
        SealedEnvelopeWriter.seal(in, out, List.of(alice.publicKey(), bob.publicKey()), issuer, terms);
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65535, 65536, 65537, 3 * 65536, 200_001, ParallelPayload.PLAIN_BLOCK - 1, ParallelPayload.PLAIN_BLOCK,
            ParallelPayload.PLAIN_BLOCK + 1, 2 * ParallelPayload.PLAIN_BLOCK, 2 * ParallelPayload.PLAIN_BLOCK + 1})
    void everyRecipientOpensExactlyThePlaintext(int size) throws Exception {
        Path in = content(size);
        Path sealed = seal(in, new LicenceTerms(Optional.of(Instant.parse("2027-01-01T00:00:00Z")),
                Optional.of(Instant.parse("2027-01-31T00:00:00Z")), OptionalLong.of(0x1234_5678_9abc_def0L)));
        assertEquals(size + 16L * Math.max(1, (size + 65535) / 65536) + EnvelopeHeader.length(2), Files.size(sealed));
        for (RecipientKey who : List.of(alice, bob)) {
            Path out = dir.resolve("out");
            SealResult r = SealedEnvelopeReader.open(sealed, out, who, Optional.of(issuer.publicKey()), NOW);
            assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(in))), r.contentSha256());
            assertEquals(0x1234_5678_9abc_def0L, r.licence().terms().payload().getAsLong());
            Files.delete(out);
        }
        SealedEnvelopeReader.EnvelopeInfo info = SealedEnvelopeReader.inspect(sealed);
        assertTrue(info.signatureValid());
        assertEquals(List.of(alice.publicKey(), bob.publicKey()), info.licence().recipients());
    }

    @Test
    void wrongIdentityWrongIssuerAndTheWindowAreEnforced() throws Exception {
        Path sealed = seal(content(1000), new LicenceTerms(Optional.of(Instant.parse("2027-01-01T00:00:00Z")),
                Optional.of(Instant.parse("2027-01-31T00:00:00Z")), OptionalLong.empty()));
        assertRefused(sealed, mallory, Optional.empty(), NOW);
        assertRefused(sealed, alice, Optional.of(IssuerKey.generate(random).publicKey()), NOW);
        assertRefused(sealed, alice, Optional.empty(), Clock.fixed(Instant.parse("2027-01-31T00:00:01Z"), ZoneOffset.UTC));
        assertRefused(sealed, alice, Optional.empty(), Clock.fixed(Instant.parse("2026-12-31T23:59:59Z"), ZoneOffset.UTC));
        // the window is inclusive at both ends
        SealedEnvelopeReader.open(sealed, dir.resolve("edge"), alice, Optional.empty(),
                Clock.fixed(Instant.parse("2027-01-31T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void checksAreJudgedInTheSpecsOrderThoughSignatureAndUnwrapRunTogether() throws Exception {
        Path sealed = seal(content(1000), LicenceTerms.unlimited());
        byte[] b = Files.readAllBytes(sealed);
        int signatureAt = EnvelopeHeader.length(2) - EnvelopeHeader.MAC - EnvelopeHeader.SIGNATURE;
        b[signatureAt + 5] ^= 1;
        Path badSignature = dir.resolve("bad-signature.rtseal");
        Files.write(badSignature, b);
        // a bad signature is reported as such even to a stranger, before "not sealed to this identity"
        for (RecipientKey who : List.of(mallory, alice)) {
            DrmException e = assertThrows(DrmException.class,
                    () -> SealedEnvelopeReader.open(badSignature, dir.resolve("x.out"), who, Optional.empty(), NOW));
            assertTrue(e.getMessage().endsWith("the licence signature does not verify"), e.getMessage());
        }
        DrmException stranger = assertThrows(DrmException.class,
                () -> SealedEnvelopeReader.open(sealed, dir.resolve("x.out"), mallory, Optional.empty(), NOW));
        assertTrue(stranger.getMessage().contains("not sealed to this identity"), stranger.getMessage());
        assertRefused(badSignature, alice, Optional.empty(), NOW);
    }

    @Test
    void everyHeaderByteAndSampledPayloadBytesAreAuthenticated() throws Exception {
        Path sealed = seal(content(150_000), LicenceTerms.unlimited());
        byte[] good = Files.readAllBytes(sealed);
        int header = EnvelopeHeader.length(2);
        Path bad = dir.resolve("bad.rtseal");
        for (int i = 0; i < good.length; i += i < header ? 1 : 997) {
            byte[] b = good.clone();
            b[i] ^= 0x01;
            Files.write(bad, b);
            assertRefused(bad, alice, Optional.empty(), NOW);
        }
        for (int i = good.length - 20; i < good.length; i++) {
            byte[] b = good.clone();
            b[i] ^= (byte) 0x80;
            Files.write(bad, b);
            assertRefused(bad, alice, Optional.empty(), NOW);
        }
    }

    @Test
    void truncatedExtendedReorderedAndSplicedFilesAreRefused() throws Exception {
        Path sealed = seal(content(3 * 65536 + 5), LicenceTerms.unlimited());
        byte[] good = Files.readAllBytes(sealed);
        int header = EnvelopeHeader.length(2);
        int chunk = 65536 + 16;
        Path bad = dir.resolve("bad.rtseal");
        for (int cut : new int[] {0, 5, header - 1, header, header + chunk, header + 3 * chunk, good.length - 1}) {
            Files.write(bad, Arrays.copyOf(good, cut));
            assertRefused(bad, alice, Optional.empty(), NOW);
        }
        Files.write(bad, Arrays.copyOf(good, good.length + 1));
        assertRefused(bad, alice, Optional.empty(), NOW);
        byte[] swapped = good.clone();
        System.arraycopy(good, header + chunk, swapped, header, chunk);
        System.arraycopy(good, header, swapped, header + chunk, chunk);
        Files.write(bad, swapped);
        assertRefused(bad, alice, Optional.empty(), NOW);
        // the header of one sealing spliced onto the payload of another of the same length
        Path other = seal(content(3 * 65536 + 5), LicenceTerms.unlimited());
        byte[] spliced = Files.readAllBytes(other);
        System.arraycopy(good, 0, spliced, 0, header);
        Files.write(bad, spliced);
        assertRefused(bad, alice, Optional.empty(), NOW);
    }

    @Test
    void payloadsOfManyBlocksRoundTripOnParallelLanesAndReportTheFirstBadChunk() throws Exception {
        // 6 blocks, so every lane gets blocks, and a short last chunk
        int k = ParallelPayload.CHUNKS_PER_BLOCK;
        int size = 5 * ParallelPayload.PLAIN_BLOCK + 3 * 65536 + 7;
        Path in = content(size);
        Path sealed = seal(in, LicenceTerms.unlimited());
        Path out = dir.resolve("many.out");
        SealResult r = SealedEnvelopeReader.open(sealed, out, bob, Optional.of(issuer.publicKey()), NOW);
        assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(in))), r.contentSha256());

        byte[] good = Files.readAllBytes(sealed);
        int header = EnvelopeHeader.length(2);
        int chunk = 65536 + 16;
        // chunk 4k+3 ends block 4, k starts block 1 (other lane), 5k+3 is the last chunk, 0 the first
        for (int[] bad : new int[][] {{4 * k + 3, k}, {k, 4 * k + 3}, {5 * k + 3}, {0}, {k - 1, k}}) {
            byte[] b = good.clone();
            for (int c : bad) {
                b[header + c * chunk + 3] ^= 0x40;
            }
            Path tampered = dir.resolve("tampered.rtseal");
            Files.write(tampered, b);
            int first = Arrays.stream(bad).min().orElseThrow();
            DrmException e = assertThrows(DrmException.class,
                    () -> SealedEnvelopeReader.open(tampered, dir.resolve("refused.out"), alice, Optional.empty(), NOW));
            assertTrue(e.getMessage().contains("chunk " + first + " "), e.getMessage());
            assertRefused(tampered, alice, Optional.empty(), NOW);
        }
    }

    /**
     * The payload written by the parallel, in-place sealer is exactly the spec's STREAM: decrypted here chunk by
     * chunk with a plain Cipher, nonce = 11-byte counter || last flag, every sealed chunk right after the one before.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 5, ParallelPayload.PLAIN_BLOCK, ParallelPayload.PLAIN_BLOCK + 1, 3 * ParallelPayload.PLAIN_BLOCK - 65536})
    void sealedPayloadIsTheSpecsStreamChunkByChunk(int size) throws Exception {
        Path in = content(size);
        Path sealed = seal(in, LicenceTerms.unlimited());
        EnvelopeHeader h;
        try (var ch = java.nio.channels.FileChannel.open(sealed)) {
            h = EnvelopeHeader.read(ch);
        }
        EnvelopeHeader.Stanza s = h.stanzas().get(0);
        byte[] shared = alice.agree(s.ephemeralPublic()).orElseThrow();
        byte[] fileKey = KeySchedule.unwrap(KeySchedule.wrapKey(shared, s.ephemeralPublic(), alice.publicKey().bytes()),
                s.wrappedFileKey()).orElseThrow();
        var key = new javax.crypto.spec.SecretKeySpec(KeySchedule.payloadKey(fileKey, h.payloadSalt()), "AES");
        byte[] file = Files.readAllBytes(sealed);
        byte[] plain = Files.readAllBytes(in);
        long chunks = Math.max(1, (size + 65535) / 65536);
        int at = h.length();
        for (long i = 0; i < chunks; i++) {
            byte[] nonce = new byte[12];
            for (int b = 0; b < 8; b++) {
                nonce[3 + b] = (byte) (i >>> (56 - 8 * b));
            }
            nonce[11] = (byte) (i == chunks - 1 ? 1 : 0);
            int len = (int) Math.min(65536, size - i * 65536);
            javax.crypto.Cipher gcm = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(javax.crypto.Cipher.DECRYPT_MODE, key, new javax.crypto.spec.GCMParameterSpec(128, nonce));
            byte[] chunkPlain = gcm.doFinal(file, at, len + 16);
            assertArrayEquals(Arrays.copyOfRange(plain, (int) (i * 65536), (int) (i * 65536) + len), chunkPlain, "chunk " + i);
            at += len + 16;
        }
        assertEquals(file.length, at);
    }

    @Test
    void goldenV1FileKeepsOpening() throws Exception {
        // made once with the keys-v1 vector keys; see docs/spec/rtseal-v1.md
        Path golden = resource("rtseal-v1/golden.rtseal");
        RecipientKey recipient = new RecipientKey(HexFormat.of().parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        IssuerKey signer = new IssuerKey(HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        Path out = dir.resolve("golden.txt");
        SealResult r = SealedEnvelopeReader.open(golden, out, recipient, Optional.of(signer.publicKey()), NOW);
        assertArrayEquals(Files.readAllBytes(resource("rtseal-v1/golden.txt")), Files.readAllBytes(out));
        assertEquals("2027-01-31T00:00:00Z", r.licence().terms().notAfter().orElseThrow().toString());
        assertEquals(42L, r.licence().terms().payload().getAsLong());
        assertRefused(golden, recipient, Optional.empty(), Clock.fixed(Instant.parse("2027-02-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private Path resource(String name) throws Exception {
        Path p = dir.resolve(name.replace('/', '_'));
        try (var in = getClass().getResourceAsStream("/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private void assertRefused(Path sealed, RecipientKey who, Optional<org.reeltrace.drm.keys.IssuerPublicKey> iss, Clock clock)
            throws Exception {
        Path out = dir.resolve("refused.out");
        DrmException e = assertThrows(DrmException.class, () -> SealedEnvelopeReader.open(sealed, out, who, iss, clock));
        assertEquals(DrmException.Kind.VERIFICATION_FAILED, e.kind(), e.getMessage());
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "temp file left behind");
        }
    }
}
