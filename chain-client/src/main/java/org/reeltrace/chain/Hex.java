package org.reeltrace.chain;

import java.util.HexFormat;

/** 0x-prefixed lowercase hex, the spelling of hashes and addresses in receipts. */
public final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    public static String of(byte[] bytes) {
        return "0x" + HEX.formatHex(bytes);
    }

    /** Bytes of {@code hex} (with or without 0x); IllegalArgumentException when not hex. */
    public static byte[] parse(String hex) {
        String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        return HEX.parseHex(h);
    }

    /** Exactly 32 bytes from {@code hex}, or IllegalArgumentException. */
    public static byte[] parse32(String hex) {
        byte[] b = parse(hex);
        if (b.length != 32) {
            throw new IllegalArgumentException("expected 32 bytes, got " + b.length);
        }
        return b;
    }
}
