package org.reeltrace.fingerprint;

import java.time.Instant;

/** One watermarked copy of a work as released to a recipient; {@code payload} is the unsigned 64-bit watermark ID. */
public record RecipientCopy(String workId, String recipient, long payload, Instant date, String outputSha256, String outputFile) {
}
