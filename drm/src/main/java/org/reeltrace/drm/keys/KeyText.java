package org.reeltrace.drm.keys;

import org.bouncycastle.util.encoders.Base32;
import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.DrmException.Kind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The one-line text form of a key (keys-v1): {@code rt1-<tag>-<base32(body || checksum)>} with a
 * 4-byte SHA-256 checksum over the prefix and body, so typos and keys of the wrong kind are caught.
 * Passphrase-protected secrets use the prefix {@code rt1-<tag>-scrypt-}.
 */
public final class KeyText {
    static final String VERSION = "rt1";
    static final String SCRYPT = "scrypt";
    private static final byte[] CHECKSUM_LABEL = "reeltrace keys-v1 checksum\0".getBytes(StandardCharsets.US_ASCII);
    private static final int CHECKSUM_BYTES = 4;

    private KeyText() {
    }

    /** A parsed key line: its kind, whether the body is passphrase-protected, and the body bytes. */
    public record Parsed(KeyKind kind, boolean encrypted, byte[] body) {
    }

    public static String encode(KeyKind kind, byte[] key) {
        return encode(prefix(kind, false), key);
    }

    static String encodeEncrypted(KeyKind kind, byte[] protectedBody) {
        return encode(prefix(kind, true), protectedBody);
    }

    static String prefix(KeyKind kind, boolean encrypted) {
        return VERSION + "-" + kind.tag() + "-" + (encrypted ? SCRYPT + "-" : "");
    }

    private static String encode(String prefix, byte[] body) {
        byte[] all = Arrays.copyOf(body, body.length + CHECKSUM_BYTES);
        System.arraycopy(checksum(prefix, body), 0, all, body.length, CHECKSUM_BYTES);
        String b32 = Base32.toBase32String(all).toLowerCase(Locale.ROOT);
        return prefix + b32.replace("=", "");
    }

    /** Parses any key line, checking version, tag and checksum but not the expected kind. */
    public static Parsed parse(String text, String where) throws DrmException {
        String s = text.strip();
        String[] parts = s.split("-", 4);
        if (parts.length < 3 || !parts[0].equals(VERSION)) {
            throw new DrmException(Kind.INVALID_INPUT, where + " is not a reeltrace key",
                    "reeltrace keys start with rt1- (made by 'reeltrace keys generate')", null);
        }
        KeyKind kind = KeyKind.ofTag(parts[1]).orElseThrow(() -> new DrmException(Kind.INVALID_INPUT,
                where + " has an unknown key type \"" + parts[1] + "\"", "make keys with 'reeltrace keys generate'", null));
        boolean encrypted = parts.length == 4 && parts[2].equals(SCRYPT);
        String b32 = encrypted ? parts[3] : s.substring(parts[0].length() + parts[1].length() + 2);
        byte[] all;
        try {
            all = decodeBase32(b32);
        } catch (RuntimeException e) {
            throw damaged(where, kind);
        }
        if (all.length <= CHECKSUM_BYTES) {
            throw damaged(where, kind);
        }
        byte[] body = Arrays.copyOf(all, all.length - CHECKSUM_BYTES);
        byte[] sum = Arrays.copyOfRange(all, body.length, all.length);
        if (!MessageDigest.isEqual(sum, checksum(prefix(kind, encrypted), body))) {
            throw damaged(where, kind);
        }
        if (!encrypted && body.length != kind.length()) {
            throw damaged(where, kind);
        }
        return new Parsed(kind, encrypted, body);
    }

    /** Parses a key line that must be of kind {@code expected} and unencrypted. */
    public static byte[] decode(String text, KeyKind expected, String where) throws DrmException {
        Parsed p = parse(text, where);
        requireKind(p, expected, where);
        if (p.encrypted()) {
            throw new DrmException(Kind.INVALID_INPUT, where + " is passphrase-protected here, where a plain key is expected");
        }
        return p.body();
    }

    static void requireKind(Parsed p, KeyKind expected, String where) throws DrmException {
        if (p.kind() != expected) {
            throw new WrongKeyKind(where + " is a " + p.kind().description() + ", not a "
                    + expected.description(), p.kind().hintFor(expected));
        }
    }

    private static DrmException damaged(String where, KeyKind kind) {
        return new DrmException(Kind.INVALID_INPUT, where + " holds a damaged " + kind.description() + " (checksum or length wrong)",
                "copy the whole key line again; it may have been cut or mistyped", null);
    }

    private static byte[] decodeBase32(String lower) {
        if (!lower.matches("[a-z2-7]+")) {
            throw new IllegalArgumentException("not base32");
        }
        String upper = lower.toUpperCase(Locale.ROOT);
        int pad = (8 - upper.length() % 8) % 8;
        return Base32.decode(upper + "=".repeat(pad));
    }

    private static byte[] checksum(String prefix, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(CHECKSUM_LABEL);
            sha.update(prefix.getBytes(StandardCharsets.US_ASCII));
            sha.update(body);
            return Arrays.copyOf(sha.digest(), CHECKSUM_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
