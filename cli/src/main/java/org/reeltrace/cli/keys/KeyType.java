package org.reeltrace.cli.keys;

import org.reeltrace.drm.keys.KeyKind;

/** The kinds of key reeltrace makes. */
public enum KeyType {
    watermark(KeyKind.WATERMARK_SECRET), issuer(KeyKind.ISSUER_SECRET), recipient(KeyKind.RECIPIENT_SECRET);

    private final KeyKind kind;

    KeyType(KeyKind kind) {
        this.kind = kind;
    }

    public KeyKind kind() {
        return kind;
    }
}
