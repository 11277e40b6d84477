package org.reeltrace.drm.keys;

import org.reeltrace.drm.DrmException;

import java.security.MessageDigest;
import java.util.Arrays;

/** A recipient's X25519 public key: sealed files are encrypted to it. */
public record RecipientPublicKey(byte[] bytes) {
    public RecipientPublicKey {
        bytes = bytes.clone();
    }

    /** Parses the one-line text {@code rt1-rpk-...}. */
    public static RecipientPublicKey parse(String text) throws DrmException {
        return new RecipientPublicKey(KeyText.decode(text, KeyKind.RECIPIENT_PUBLIC,
                "recipient key \"" + IssuerPublicKey.abbreviate(text) + "\""));
    }

    public String text() {
        return KeyText.encode(KeyKind.RECIPIENT_PUBLIC, bytes);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecipientPublicKey k && MessageDigest.isEqual(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return text();
    }
}
