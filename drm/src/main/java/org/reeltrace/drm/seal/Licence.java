package org.reeltrace.drm.seal;

import org.reeltrace.drm.keys.IssuerPublicKey;
import org.reeltrace.drm.keys.RecipientPublicKey;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** The signed licence of an rtseal-v1 envelope and its one canonical encoding (docs/spec/rtseal-v1.md). */
public record Licence(byte[] id, IssuerPublicKey issuer, List<RecipientPublicKey> recipients, byte[] contentSha256,
                      long contentLength, LicenceTerms terms) {
    static final int VERSION = 1;
    static final int FIXED = 116;
    static final int MAX_RECIPIENTS = 256;
    private static final int NB = 1;
    private static final int NA = 2;
    private static final int PAYLOAD = 4;

    public Licence {
        id = id.clone();
        contentSha256 = contentSha256.clone();
        recipients = List.copyOf(recipients);
    }

    public String idHex() {
        return HexFormat.of().formatHex(id);
    }

    public String contentSha256Hex() {
        return HexFormat.of().formatHex(contentSha256);
    }

    static int encodedLength(int recipients) {
        return FIXED + 32 * recipients;
    }

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(encodedLength(recipients.size()));
        int flags = (terms.notBefore().isPresent() ? NB : 0) | (terms.notAfter().isPresent() ? NA : 0)
                | (terms.payload().isPresent() ? PAYLOAD : 0);
        b.put((byte) VERSION).put((byte) flags).put(id).put(issuer.bytes()).put(contentSha256).putLong(contentLength);
        b.putLong(terms.notBefore().map(Instant::getEpochSecond).orElse(0L));
        b.putLong(terms.notAfter().map(Instant::getEpochSecond).orElse(0L));
        b.putLong(terms.payload().orElse(0L));
        b.putShort((short) recipients.size());
        recipients.forEach(r -> b.put(r.bytes()));
        return b.array();
    }

    /** Parses exactly {@code bytes}; a message naming the first defect, or the licence. */
    static Licence decode(byte[] bytes) throws MalformedEnvelope {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            int version = b.get() & 0xff;
            if (version != VERSION) {
                throw new MalformedEnvelope("licence version " + version + " is not 1");
            }
            int flags = b.get() & 0xff;
            if ((flags & ~(NB | NA | PAYLOAD)) != 0) {
                throw new MalformedEnvelope("licence has unknown flags");
            }
            byte[] id = take(b, 16);
            IssuerPublicKey issuer = new IssuerPublicKey(take(b, 32));
            byte[] sha = take(b, 32);
            long length = b.getLong();
            long nb = b.getLong();
            long na = b.getLong();
            long payload = b.getLong();
            int n = b.getShort() & 0xffff;
            if (length < 0 || n < 1 || n > MAX_RECIPIENTS || bytes.length != encodedLength(n)) {
                throw new MalformedEnvelope("licence length, content length or recipient count is invalid");
            }
            requireZeroUnlessSet(flags, NB, nb);
            requireZeroUnlessSet(flags, NA, na);
            requireZeroUnlessSet(flags, PAYLOAD, payload);
            if ((flags & NB) != 0 && (flags & NA) != 0 && nb > na) {
                throw new MalformedEnvelope("licence ends before it begins");
            }
            List<RecipientPublicKey> recipients = new ArrayList<>();
            Set<RecipientPublicKey> seen = new HashSet<>();
            for (int i = 0; i < n; i++) {
                RecipientPublicKey r = new RecipientPublicKey(take(b, 32));
                if (!seen.add(r)) {
                    throw new MalformedEnvelope("licence names a recipient twice");
                }
                recipients.add(r);
            }
            LicenceTerms terms = new LicenceTerms(
                    (flags & NB) != 0 ? Optional.of(Instant.ofEpochSecond(nb)) : Optional.empty(),
                    (flags & NA) != 0 ? Optional.of(Instant.ofEpochSecond(na)) : Optional.empty(),
                    (flags & PAYLOAD) != 0 ? OptionalLong.of(payload) : OptionalLong.empty());
            return new Licence(id, issuer, recipients, sha, length, terms);
        } catch (BufferUnderflowException | java.time.DateTimeException e) {
            throw new MalformedEnvelope("licence is cut short or out of range");
        }
    }

    private static void requireZeroUnlessSet(int flags, int bit, long value) throws MalformedEnvelope {
        if ((flags & bit) == 0 && value != 0) {
            throw new MalformedEnvelope("licence has a value for an unset field");
        }
    }

    private static byte[] take(ByteBuffer b, int n) {
        byte[] out = new byte[n];
        b.get(out);
        return out;
    }

    /** Empty when {@code now} is inside the window, else why not. */
    public Optional<String> outsideWindow(Instant now) {
        long t = now.getEpochSecond();
        if (terms.notBefore().isPresent() && t < terms.notBefore().get().getEpochSecond()) {
            return Optional.of("the licence is not valid before " + terms.notBefore().get());
        }
        if (terms.notAfter().isPresent() && t > terms.notAfter().get().getEpochSecond()) {
            return Optional.of("the licence expired at " + terms.notAfter().get());
        }
        return Optional.empty();
    }
}
