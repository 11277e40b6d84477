package org.reeltrace.drm.cenc;

/**
 * What happens when fewer than crypt_byte_block whole blocks remain at the end of a pattern-encrypted
 * (cens, cbcs) range. ISO/IEC 23001-7, Shaka Packager and Chromium encrypt them ({@link #ENCRYPTED});
 * some test content (shaka-player-embedded's modified packager) leaves them clear ({@link #CLEAR}).
 */
public enum PatternTail {
    ENCRYPTED, CLEAR
}
