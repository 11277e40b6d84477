package org.reeltrace.chain;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The anchor-v1 leaf encoding (docs/spec/anchor-v1.md): keccak256(0x00 || "reeltrace/anchor/v1" ||
 * len(kind) || kind || len(algorithm) || algorithm || len(digest) || digest), lengths one byte.
 * The 0x00 prefix (0x01 for inner nodes) keeps a leaf from ever being read as a node.
 */
public final class AnchorLeaf {
    public static final String DOMAIN = "reeltrace/anchor/v1";
    static final byte LEAF_PREFIX = 0x00;
    private static final byte[] DOMAIN_BYTES = DOMAIN.getBytes(StandardCharsets.US_ASCII);
    private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9._/-]{0,63}");

    private AnchorLeaf() {
    }

    /** The leaf hash of an item of {@code kind} whose {@code algorithm} digest is {@code digest}. */
    public static byte[] hash(String kind, String algorithm, byte[] digest) {
        return Keccak.hash(LEAF_PREFIX, preimage(kind, algorithm, digest), null);
    }

    /** Everything after the 0x00 prefix; IllegalArgumentException when a field is out of range. */
    static byte[] preimage(String kind, String algorithm, byte[] digest) {
        byte[] k = label("kind", kind);
        byte[] a = label("algorithm", algorithm);
        if (digest.length < 1 || digest.length > 64) {
            throw new IllegalArgumentException("digest must be 1..64 bytes, got " + digest.length);
        }
        byte[] out = new byte[DOMAIN_BYTES.length + 3 + k.length + a.length + digest.length];
        int at = 0;
        System.arraycopy(DOMAIN_BYTES, 0, out, at, DOMAIN_BYTES.length);
        at += DOMAIN_BYTES.length;
        at = put(out, at, k);
        at = put(out, at, a);
        put(out, at, digest);
        return out;
    }

    private static int put(byte[] out, int at, byte[] field) {
        out[at++] = (byte) field.length;
        System.arraycopy(field, 0, out, at, field.length);
        return at + field.length;
    }

    private static byte[] label(String what, String value) {
        if (!LABEL.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " \"" + value + "\" must be 1..64 of a-z 0-9 . _ / -");
        }
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
