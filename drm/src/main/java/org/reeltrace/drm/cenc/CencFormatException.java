package org.reeltrace.drm.cenc;

/** Encryption metadata that is missing or malformed, with the box path. */
final class CencFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    CencFormatException(String path, String message) {
        super(path + ": " + message, null, false, false);
    }
}
