package org.reeltrace.cli.watermark;

import org.reeltrace.cli.UsageException;

import java.math.BigInteger;

/** Parses a payload: an unsigned 64-bit integer, decimal or 0x hex. */
final class PayloadArgument {
    static final String RANGE = "0 to 18446744073709551615 (decimal) or 0x0 to 0xffffffffffffffff (hex)";
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private PayloadArgument() {
    }

    static long parse(String text) {
        String t = text == null ? "" : text.trim().replace("_", "");
        BigInteger v;
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                String hex = t.substring(2);
                if (hex.isEmpty() || hex.length() > 16 || !hex.matches("[0-9a-fA-F]+")) {
                    throw new NumberFormatException();
                }
                v = new BigInteger(hex, 16);
            } else {
                if (t.isEmpty() || !t.matches("[0-9]+")) {
                    throw new NumberFormatException();
                }
                v = new BigInteger(t);
            }
        } catch (NumberFormatException e) {
            throw new UsageException("--payload \"" + text + "\" is not an unsigned 64-bit integer", "accepted: " + RANGE);
        }
        if (v.compareTo(MAX) > 0) {
            throw new UsageException("--payload " + text + " is out of range", "accepted: " + RANGE);
        }
        return v.longValue();
    }

    static String decimal(long payload) {
        return Long.toUnsignedString(payload);
    }

    static String hex(long payload) {
        return String.format("0x%016x", payload);
    }
}
