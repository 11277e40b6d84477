package org.reeltrace.media;

import java.util.Optional;

/** The one checked exception of the media module: a message fit for a user, the cause kept. */
public class MediaException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, in the categories the command line turns into exit codes. */
    public enum Kind {
        /** unreadable, missing, corrupt or malformed input */
        INVALID_INPUT,
        /** a check failed: tampering, bad signature, wrong key, not anchored */
        VERIFICATION_FAILED,
        /** the machine or a service failed: node unreachable, disk full, tool missing */
        ENVIRONMENT,
        /** the caller combined arguments that cannot work together */
        USAGE
    }

    private final Kind kind;
    private final String hint;

    public MediaException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public MediaException(Kind kind, String message, Throwable cause) {
        this(kind, message, null, cause);
    }

    public MediaException(Kind kind, String message, String hint, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.hint = hint;
    }

    public Kind kind() {
        return kind;
    }

    /** A likely mistake and its fix, when one is known. */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
