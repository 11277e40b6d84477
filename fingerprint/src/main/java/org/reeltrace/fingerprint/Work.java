package org.reeltrace.fingerprint;

import java.time.Instant;

/** A catalogued work. {@code sourcePath} is the original media file when it was recorded, else null. */
public record Work(String workId, String title, String owner, String sourcePath, String sourceSha256, double durationSeconds, Instant added) {
}
