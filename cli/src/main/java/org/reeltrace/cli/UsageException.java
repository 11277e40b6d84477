package org.reeltrace.cli;

import java.util.Optional;

/** A bad combination of arguments that picocli's parser cannot see (exit 2). */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    public UsageException(String message) {
        this(message, null);
    }

    public UsageException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
