package org.reeltrace.cli.drm;

import org.reeltrace.cli.UsageException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;

/** Parsing of the seal command's licence arguments. */
final class SealArguments {
    private SealArguments() {
    }

    static Optional<Instant> instant(String option, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " \"" + value + "\" is not an ISO-8601 instant", "write it like 2027-01-31T00:00:00Z");
        }
    }

    /** A 64-bit watermark payload: decimal, or hex with 0x. */
    static OptionalLong payload(String value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            String v = value.strip();
            if (v.startsWith("0x") || v.startsWith("0X")) {
                return OptionalLong.of(Long.parseUnsignedLong(v.substring(2), 16));
            }
            return OptionalLong.of(Long.parseUnsignedLong(v));
        } catch (NumberFormatException e) {
            throw new UsageException("--payload \"" + value + "\" is not a 64-bit number", "give decimal or 0x-prefixed hex");
        }
    }
}
