package org.reeltrace.drm.keys;

import java.util.Arrays;
import java.util.Optional;

/** Every kind of key text reeltrace writes; the tag is the three letters after {@code rt1-} (docs/spec/keys-v1.md). */
public enum KeyKind {
    WATERMARK_SECRET("wmk", "watermark key", 32, true),
    ISSUER_SECRET("isk", "issuer private key (Ed25519)", 32, true),
    ISSUER_PUBLIC("ipk", "issuer public key (Ed25519)", 32, false),
    RECIPIENT_SECRET("rsk", "recipient private key (X25519)", 32, true),
    RECIPIENT_PUBLIC("rpk", "recipient public key (X25519)", 32, false);

    private final String tag;
    private final String description;
    private final int length;
    private final boolean secret;

    KeyKind(String tag, String description, int length, boolean secret) {
        this.tag = tag;
        this.description = description;
        this.length = length;
        this.secret = secret;
    }

    public String tag() {
        return tag;
    }

    public String description() {
        return description;
    }

    /** Key length in bytes. */
    public int length() {
        return length;
    }

    public boolean secret() {
        return secret;
    }

    public static Optional<KeyKind> ofTag(String tag) {
        return Arrays.stream(values()).filter(k -> k.tag.equals(tag)).findFirst();
    }

    /** The likely fix when a key of this kind was given where {@code expected} was wanted. */
    String hintFor(KeyKind expected) {
        if (expected == RECIPIENT_PUBLIC && this == RECIPIENT_SECRET
                || expected == ISSUER_PUBLIC && this == ISSUER_SECRET) {
            return "this is a private key: share only its public part, printed by 'reeltrace keys public FILE'";
        }
        if (expected == WATERMARK_SECRET) {
            return "watermark commands need a key made by 'reeltrace keys generate --type watermark'";
        }
        if (expected == ISSUER_SECRET) {
            return "--issuer-key needs a key made by 'reeltrace keys generate --type issuer'";
        }
        if (expected == RECIPIENT_SECRET) {
            return "--identity needs the recipient's private key made by 'reeltrace keys generate --type recipient'";
        }
        if (expected == RECIPIENT_PUBLIC) {
            return "--recipient needs the line 'reeltrace keys public' prints for a recipient key (rt1-rpk-...)";
        }
        return "--issuer needs the line 'reeltrace keys public' prints for an issuer key (rt1-ipk-...)";
    }
}
