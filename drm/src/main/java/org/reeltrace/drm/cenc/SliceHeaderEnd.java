package org.reeltrace.drm.cenc;

/**
 * Where a slice header ends: stored bytes from the NAL unit's first byte (emulation prevention
 * included, rounded up to the byte holding the last header bit), and RBSP bits (NAL header included).
 */
record SliceHeaderEnd(int storedBytes, long rbspBits) {
}
