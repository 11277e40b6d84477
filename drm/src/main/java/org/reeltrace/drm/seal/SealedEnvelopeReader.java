package org.reeltrace.drm.seal;

import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.DrmException.Kind;
import org.reeltrace.drm.io.AtomicOutput;
import org.reeltrace.drm.keys.IssuerPublicKey;
import org.reeltrace.drm.keys.RecipientKey;
import org.reeltrace.drm.keys.RecipientPublicKey;

import javax.crypto.AEADBadTagException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Opens rtseal-v1 envelopes in the order of docs/spec/rtseal-v1.md "Opening": nothing reaches the
 * output path unless the signature, recipient, MAC, window, length, every chunk tag and the content
 * hash all verify. Every failure is {@link Kind#VERIFICATION_FAILED} and leaves no output.
 */
public final class SealedEnvelopeReader {
    private SealedEnvelopeReader() {
    }

    /** What {@link #inspect} can tell without a key. */
    public record EnvelopeInfo(Licence licence, boolean signatureValid, long headerLength, long fileLength) {
    }

    /** True if {@code file} starts with the rtseal-v1 magic. */
    public static boolean isSealed(Path file) throws DrmException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(EnvelopeHeader.MAGIC.length), EnvelopeHeader.MAGIC);
        } catch (NoSuchFileException e) {
            throw new DrmException(Kind.INVALID_INPUT, "no such file \"" + file + "\"", e);
        } catch (IOException e) {
            throw new DrmException(Kind.INVALID_INPUT, "cannot read \"" + file + "\": " + e.getMessage(), e);
        }
    }

    /** Parses the header and checks the signature; no identity needed, nothing decrypted. */
    public static EnvelopeInfo inspect(Path in) throws DrmException {
        try (FileChannel ch = FileChannel.open(in, StandardOpenOption.READ)) {
            EnvelopeHeader h = EnvelopeHeader.read(ch);
            boolean valid = h.licence().issuer().verify(EnvelopeHeader.signatureMessage(h.signedPart()), h.signature());
            return new EnvelopeInfo(h.licence(), valid, h.length(), ch.size());
        } catch (MalformedEnvelope e) {
            throw new DrmException(Kind.INVALID_INPUT, "\"" + in + "\" is not a valid rtseal-v1 file: " + e.getMessage());
        } catch (NoSuchFileException e) {
            throw new DrmException(Kind.INVALID_INPUT, "no such file \"" + in + "\"", e);
        } catch (IOException e) {
            throw new DrmException(Kind.INVALID_INPUT, "cannot read \"" + in + "\": " + e.getMessage(), e);
        }
    }

    public static SealResult open(Path in, Path out, RecipientKey identity, Optional<IssuerPublicKey> expectedIssuer, Clock clock)
            throws DrmException {
        SealInputs.requireDistinct(in, out);
        try (FileChannel ch = FileChannel.open(in, StandardOpenOption.READ)) {
            EnvelopeHeader h;
            try {
                h = EnvelopeHeader.read(ch);
            } catch (MalformedEnvelope e) {
                throw failed(in, "its header is damaged or was altered (" + e.getMessage() + ")", null);
            }
            Licence licence = h.licence();
            if (expectedIssuer.isPresent() && !expectedIssuer.get().equals(licence.issuer())) {
                throw failed(in, "its licence was signed by " + licence.issuer().text() + ", not by the issuer you named",
                        "check --issuer; 'reeltrace drm inspect' shows who signed it");
            }
            // The Ed25519 check and the X25519 unwrap are independent and both cold, interpreted code in a fresh
            // JVM: run them on two cores, then judge them in the spec's order. Nothing is decrypted before both.
            FutureTask<Boolean> signature = new FutureTask<>(
                    () -> licence.issuer().verify(EnvelopeHeader.signatureMessage(h.signedPart()), h.signature()));
            Thread verifier = new Thread(signature, "rtseal-signature");
            verifier.setDaemon(true);
            verifier.start();
            Optional<byte[]> unwrapped = unwrapFileKey(h, identity);
            if (!signatureVerifies(signature)) {
                throw failed(in, "the licence signature does not verify", null);
            }
            byte[] fileKey = unwrapped
                    .orElseThrow(() -> failed(in, "it is not sealed to this identity (" + identity.publicKey().text() + ")",
                            "--identity needs the private key of one of the recipients; 'reeltrace drm inspect' lists them"));
            if (!MessageDigest.isEqual(h.mac(), KeySchedule.mac(KeySchedule.macKey(fileKey), h.macedPart()))) {
                throw failed(in, "the header MAC does not verify", null);
            }
            Optional<String> outside = licence.outsideWindow(clock.instant());
            if (outside.isPresent()) {
                throw failed(in, outside.get(), null);
            }
            long expected = h.length() + PayloadCipher.payloadLength(licence.contentLength());
            if (ch.size() != expected) {
                throw failed(in, ch.size() < expected ? "it is truncated" : "it has extra bytes appended", null);
            }
            try (AtomicOutput target = new AtomicOutput(out);
                 FileChannel dst = FileChannel.open(target.temp(), StandardOpenOption.WRITE)) {
                byte[] sha = decryptPayload(ch, h.length(), licence.contentLength(), dst,
                        KeySchedule.payloadKey(fileKey, h.payloadSalt()), in);
                if (!MessageDigest.isEqual(sha, licence.contentSha256())) {
                    throw failed(in, "the content does not match the licence's SHA-256", null);
                }
                dst.force(false);
                target.commit();
            }
            return new SealResult(out, licence);
        } catch (NoSuchFileException e) {
            throw new DrmException(Kind.INVALID_INPUT, "no such file \"" + e.getFile() + "\"", e);
        } catch (IOException e) {
            throw new DrmException(Kind.ENVIRONMENT, "cannot open \"" + in + "\" into \"" + out + "\": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES-GCM, HMAC-SHA256 or SHA-256", e);
        }
    }

    private static boolean signatureVerifies(FutureTask<Boolean> signature) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return signature.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Ed25519 verification failed to run", e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Optional<byte[]> unwrapFileKey(EnvelopeHeader h, RecipientKey identity) throws GeneralSecurityException {
        RecipientPublicKey me = identity.publicKey();
        int index = h.licence().recipients().indexOf(me);
        if (index < 0) {
            return Optional.empty();
        }
        EnvelopeHeader.Stanza s = h.stanzas().get(index);
        Optional<byte[]> shared = identity.agree(s.ephemeralPublic());
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        return KeySchedule.unwrap(KeySchedule.wrapKey(shared.get(), s.ephemeralPublic(), me.bytes()), s.wrappedFileKey());
    }

    private static byte[] decryptPayload(FileChannel src, long position, long length, FileChannel dst, byte[] payloadKey, Path in)
            throws IOException, GeneralSecurityException, DrmException {
        long chunks = PayloadCipher.chunks(length);
        return ParallelPayload.run(chunks, payloadKey, new ParallelPayload.BlockStep() {
            @Override
            public void load(long block, ParallelPayload.Lane lane) throws IOException, GeneralSecurityException, DrmException {
                ParallelPayload.Span span = ParallelPayload.Span.of(block, chunks, length);
                SealedEnvelopeWriter.readFully(src, ByteBuffer.wrap(lane.buffer, 0, span.sealedBytes()),
                        position + span.firstChunk() * ParallelPayload.SEALED_CHUNK, in);
                for (int i = 0; i < span.chunks(); i++) {
                    long chunk = span.firstChunk() + i;
                    try {
                        // plaintext i goes to i * CHUNK, at or below its ciphertext: GCM runs in place, no copy
                        lane.cipher.open(chunk, span.isLast(i), lane.buffer, i * ParallelPayload.SEALED_CHUNK,
                                span.chunkBytes(i) + PayloadCipher.TAG, lane.buffer, i * PayloadCipher.CHUNK);
                    } catch (AEADBadTagException e) {
                        throw failed(in, "chunk " + chunk + " was altered, reordered or cut", null);
                    }
                }
            }

            @Override
            public void hash(long block, ParallelPayload.Lane lane, MessageDigest digest) {
                digest.update(lane.buffer, 0, ParallelPayload.Span.of(block, chunks, length).plainBytes());
            }

            @Override
            public void store(long block, ParallelPayload.Lane lane) throws IOException {
                ParallelPayload.Span span = ParallelPayload.Span.of(block, chunks, length);
                SealedEnvelopeWriter.writeFully(dst, ByteBuffer.wrap(lane.buffer, 0, span.plainBytes()), span.plainAt());
            }
        });
    }

    private static DrmException failed(Path in, String why, String hint) {
        return new DrmException(Kind.VERIFICATION_FAILED, "cannot open \"" + in + "\": " + why, hint, null);
    }
}
