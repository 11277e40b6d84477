package org.reeltrace.drm.keys;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.reeltrace.drm.DrmException;

import java.security.MessageDigest;

/** An issuer's Ed25519 public key: verifies licence signatures. */
public record IssuerPublicKey(byte[] bytes) {
    public IssuerPublicKey {
        bytes = bytes.clone();
    }

    /** Parses the one-line text {@code rt1-ipk-...}. */
    public static IssuerPublicKey parse(String text) throws DrmException {
        return new IssuerPublicKey(KeyText.decode(text, KeyKind.ISSUER_PUBLIC, "issuer key \"" + abbreviate(text) + "\""));
    }

    public String text() {
        return KeyText.encode(KeyKind.ISSUER_PUBLIC, bytes);
    }

    public boolean verify(byte[] message, byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        try {
            Ed25519Signer v = new Ed25519Signer();
            v.init(false, new Ed25519PublicKeyParameters(bytes, 0));
            v.update(message, 0, message.length);
            return v.verifySignature(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IssuerPublicKey k && MessageDigest.isEqual(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return text();
    }

    static String abbreviate(String text) {
        String s = text.strip();
        return s.length() > 16 ? s.substring(0, 14) + "..." : s;
    }
}
