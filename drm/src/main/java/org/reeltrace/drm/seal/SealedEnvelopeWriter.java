package org.reeltrace.drm.seal;

import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.DrmException.Kind;
import org.reeltrace.drm.io.AtomicOutput;
import org.reeltrace.drm.keys.IssuerKey;
import org.reeltrace.drm.keys.RecipientKey;
import org.reeltrace.drm.keys.RecipientPublicKey;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Seals a file to recipients under a licence signed by the issuer (rtseal-v1), in one streaming pass. */
public final class SealedEnvelopeWriter {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedEnvelopeWriter() {
    }

    public static SealResult seal(Path in, Path out, List<RecipientPublicKey> recipients, IssuerKey issuer, LicenceTerms terms)
            throws DrmException {
        if (recipients.isEmpty() || recipients.size() > Licence.MAX_RECIPIENTS) {
            throw new DrmException(Kind.USAGE, "a sealed file needs 1 to " + Licence.MAX_RECIPIENTS + " recipients");
        }
        if (new HashSet<>(recipients).size() != recipients.size()) {
            throw new DrmException(Kind.USAGE, "the same recipient is named twice");
        }
        if (terms.notBefore().isPresent() && terms.notAfter().isPresent()
                && terms.notBefore().get().getEpochSecond() > terms.notAfter().get().getEpochSecond()) {
            throw new DrmException(Kind.USAGE, "--not-before is after --not-after");
        }
        SealInputs.requireDistinct(in, out);
        byte[] fileKey = random(32);
        byte[] salt = random(EnvelopeHeader.SALT);
        try (FileChannel src = FileChannel.open(in, StandardOpenOption.READ);
             AtomicOutput target = new AtomicOutput(out);
             FileChannel dst = FileChannel.open(target.temp(), StandardOpenOption.WRITE)) {
            long length = src.size();
            int headerLength = EnvelopeHeader.length(recipients.size());
            byte[] sha = encryptPayload(src, length, dst, headerLength, KeySchedule.payloadKey(fileKey, salt), in);
            Licence licence = new Licence(random(16), issuer.publicKey(), recipients, sha, length, terms);
            List<EnvelopeHeader.Stanza> stanzas = new ArrayList<>();
            for (RecipientPublicKey r : recipients) {
                stanzas.add(stanza(r, fileKey));
            }
            EnvelopeHeader unsigned = new EnvelopeHeader(licence, licence.encode(), stanzas, salt, new byte[64], new byte[32]);
            byte[] signature = issuer.sign(EnvelopeHeader.signatureMessage(unsigned.signedPart()));
            EnvelopeHeader signed = new EnvelopeHeader(licence, unsigned.licenceBytes(), stanzas, salt, signature, new byte[32]);
            byte[] mac = KeySchedule.mac(KeySchedule.macKey(fileKey), signed.macedPart());
            byte[] header = new EnvelopeHeader(licence, unsigned.licenceBytes(), stanzas, salt, signature, mac).encode();
            writeFully(dst, ByteBuffer.wrap(header), 0);
            dst.force(false);
            target.commit();
            return new SealResult(out, licence);
        } catch (NoSuchFileException e) {
            throw new DrmException(Kind.INVALID_INPUT, "no such file \"" + in + "\"", e);
        } catch (IOException e) {
            throw new DrmException(Kind.ENVIRONMENT, "cannot seal \"" + in + "\" into \"" + out + "\": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES-GCM, HMAC-SHA256 or SHA-256", e);
        }
    }

    private static byte[] encryptPayload(FileChannel src, long length, FileChannel dst, long position, byte[] payloadKey, Path in)
            throws IOException, GeneralSecurityException, DrmException {
        long chunks = PayloadCipher.chunks(length);
        byte[] sha = ParallelPayload.run(chunks, payloadKey, new ParallelPayload.BlockStep() {
            @Override
            public void load(long block, ParallelPayload.Lane lane) throws IOException, DrmException {
                ParallelPayload.Span span = ParallelPayload.Span.of(block, chunks, length);
                for (int i = 0; i < span.chunks(); i++) {
                    readFully(src, ByteBuffer.wrap(lane.buffer, i * ParallelPayload.SEALED_CHUNK, span.chunkBytes(i)),
                            span.plainAt() + (long) i * PayloadCipher.CHUNK, in);
                }
            }

            @Override
            public void hash(long block, ParallelPayload.Lane lane, MessageDigest digest) {
                ParallelPayload.Span span = ParallelPayload.Span.of(block, chunks, length);
                for (int i = 0; i < span.chunks(); i++) {
                    digest.update(lane.buffer, i * ParallelPayload.SEALED_CHUNK, span.chunkBytes(i));
                }
            }

            @Override
            public void store(long block, ParallelPayload.Lane lane) throws IOException, GeneralSecurityException {
                ParallelPayload.Span span = ParallelPayload.Span.of(block, chunks, length);
                for (int i = 0; i < span.chunks(); i++) {
                    int at = i * ParallelPayload.SEALED_CHUNK;
                    lane.cipher.seal(span.firstChunk() + i, span.isLast(i), lane.buffer, at, span.chunkBytes(i), lane.buffer, at);
                }
                writeFully(dst, ByteBuffer.wrap(lane.buffer, 0, span.sealedBytes()),
                        position + span.firstChunk() * ParallelPayload.SEALED_CHUNK);
            }
        });
        if (src.size() != length) {
            throw new DrmException(Kind.INVALID_INPUT, "\"" + in + "\" changed size while it was being sealed");
        }
        return sha;
    }

    private static EnvelopeHeader.Stanza stanza(RecipientPublicKey recipient, byte[] fileKey) throws GeneralSecurityException, DrmException {
        RecipientKey ephemeral = RecipientKey.generate(RANDOM);
        byte[] ephemeralPublic = ephemeral.publicKey().bytes();
        byte[] shared = ephemeral.agree(recipient.bytes()).orElseThrow(() -> new DrmException(Kind.INVALID_INPUT,
                "recipient key " + recipient.text() + " is a low-order point and cannot receive sealed files"));
        byte[] wrapKey = KeySchedule.wrapKey(shared, ephemeralPublic, recipient.bytes());
        return new EnvelopeHeader.Stanza(ephemeralPublic, KeySchedule.wrap(wrapKey, fileKey));
    }

    static void readFully(FileChannel ch, ByteBuffer b, long position, Path file) throws IOException, DrmException {
        while (b.hasRemaining()) {
            int r = ch.read(b, position);
            if (r < 0) {
                throw new DrmException(Kind.INVALID_INPUT, "\"" + file + "\" changed size while it was being read");
            }
            position += r;
        }
    }

    static void writeFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        while (b.hasRemaining()) {
            position += ch.write(b, position);
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
