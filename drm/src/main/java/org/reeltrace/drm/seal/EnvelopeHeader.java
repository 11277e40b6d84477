package org.reeltrace.drm.seal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The rtseal-v1 header: licence, stanzas, salt, signature and MAC (docs/spec/rtseal-v1.md). */
record EnvelopeHeader(Licence licence, byte[] licenceBytes, List<Stanza> stanzas, byte[] payloadSalt, byte[] signature,
                      byte[] mac) {
    static final byte[] MAGIC = "rtseal-v1\n".getBytes(StandardCharsets.US_ASCII);
    static final int STANZA = 80;
    static final int SALT = 32;
    static final int SIGNATURE = 64;
    static final int MAC = 32;
    static final byte[] SIGNATURE_LABEL = "reeltrace rtseal-v1 signature\0".getBytes(StandardCharsets.US_ASCII);
    static final String STANZA_LABEL = "reeltrace rtseal-v1 x25519 stanza";
    static final String MAC_LABEL = "reeltrace rtseal-v1 header mac";
    static final String PAYLOAD_LABEL = "reeltrace rtseal-v1 payload";

    /** One recipient's wrapped file key. */
    record Stanza(byte[] ephemeralPublic, byte[] wrappedFileKey) {
    }

    static int length(int recipients) {
        return MAGIC.length + 4 + Licence.encodedLength(recipients) + STANZA * recipients + SALT + SIGNATURE + MAC;
    }

    int length() {
        return length(stanzas.size());
    }

    /** The bytes the issuer signs: magic through payload salt. */
    byte[] signedPart() {
        ByteBuffer b = ByteBuffer.allocate(length() - SIGNATURE - MAC);
        b.put(MAGIC).putInt(licenceBytes.length).put(licenceBytes);
        stanzas.forEach(s -> b.put(s.ephemeralPublic()).put(s.wrappedFileKey()));
        b.put(payloadSalt);
        return b.array();
    }

    static byte[] signatureMessage(byte[] signedPart) {
        byte[] m = Arrays.copyOf(SIGNATURE_LABEL, SIGNATURE_LABEL.length + signedPart.length);
        System.arraycopy(signedPart, 0, m, SIGNATURE_LABEL.length, signedPart.length);
        return m;
    }

    /** The bytes the MAC covers: magic through signature. */
    byte[] macedPart() {
        byte[] s = signedPart();
        byte[] m = Arrays.copyOf(s, s.length + SIGNATURE);
        System.arraycopy(signature, 0, m, s.length, SIGNATURE);
        return m;
    }

    byte[] encode() {
        byte[] m = macedPart();
        byte[] all = Arrays.copyOf(m, m.length + MAC);
        System.arraycopy(mac, 0, all, m.length, MAC);
        return all;
    }

    /** Reads and parses the header at the start of {@code ch}. */
    static EnvelopeHeader read(FileChannel ch) throws IOException, MalformedEnvelope {
        long size = ch.size();
        ByteBuffer start = readFully(ch, 0, MAGIC.length + 4, size);
        byte[] magic = new byte[MAGIC.length];
        start.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new MalformedEnvelope("it does not start with the rtseal-v1 magic");
        }
        int licenceLength = start.getInt();
        int n = (licenceLength - Licence.FIXED) / 32;
        if (licenceLength < Licence.encodedLength(1) || licenceLength > Licence.encodedLength(Licence.MAX_RECIPIENTS)
                || Licence.encodedLength(n) != licenceLength) {
            throw new MalformedEnvelope("the licence length " + Integer.toUnsignedString(licenceLength) + " is impossible");
        }
        ByteBuffer rest = readFully(ch, MAGIC.length + 4, length(n) - MAGIC.length - 4, size);
        byte[] licenceBytes = take(rest, licenceLength);
        Licence licence = Licence.decode(licenceBytes);
        List<Stanza> stanzas = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            stanzas.add(new Stanza(take(rest, 32), take(rest, 48)));
        }
        return new EnvelopeHeader(licence, licenceBytes, stanzas, take(rest, SALT), take(rest, SIGNATURE), take(rest, MAC));
    }

    private static ByteBuffer readFully(FileChannel ch, long position, int length, long size) throws IOException, MalformedEnvelope {
        if (position + length > size) {
            throw new MalformedEnvelope("the header is cut short");
        }
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new MalformedEnvelope("the header is cut short");
            }
        }
        return b.flip();
    }

    private static byte[] take(ByteBuffer b, int n) {
        byte[] out = new byte[n];
        b.get(out);
        return out;
    }
}
