package org.reeltrace.chain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The anchor-v1 leaf encoding (docs/spec/anchor-v1.md): keccak256(0x00 || "reeltrace/anchor/v1" ||
 * len(kind) || kind || len(algorithm) || algorithm || len(digest) || digest), lengths one byte.
 * The 0x00 prefix (0x01 for inner nodes) keeps a leaf from ever being read as a node.
 */
public final class AnchorLeaf {
    public static final String DOMAIN = "reeltrace/anchor/v1";
    static final byte LEAF_PREFIX = 0x00;
    private static final byte[] DOMAIN_BYTES = DOMAIN.getBytes(StandardCharsets.US_ASCII);

    private AnchorLeaf() {
    }

    /** The leaf hash of an item of {@code kind} whose {@code algorithm} digest is {@code digest}. */
    public static byte[] hash(String kind, String algorithm, byte[] digest) {
        return Keccak.hash(LEAF_PREFIX, preimage(kind, algorithm, digest), null);
    }

    /** Everything after the 0x00 prefix; IllegalArgumentException when a field is out of range. */
    static byte[] preimage(String kind, String algorithm, byte[] digest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(DOMAIN_BYTES.length + 96);
        out.writeBytes(DOMAIN_BYTES);
        label(out, "kind", kind);
        label(out, "algorithm", algorithm);
        if (digest.length < 1 || digest.length > 64) {
            throw new IllegalArgumentException("digest must be 1..64 bytes, got " + digest.length);
        }
        out.write(digest.length);
        out.writeBytes(digest);
        return out.toByteArray();
    }

    private static void label(ByteArrayOutputStream out, String what, String value) {
        if (!value.matches("[a-z0-9][a-z0-9._/-]{0,63}")) {
            throw new IllegalArgumentException(what + " \"" + value + "\" must be 1..64 of a-z 0-9 . _ / -");
        }
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        out.write(b.length);
        out.writeBytes(b);
    }
}
