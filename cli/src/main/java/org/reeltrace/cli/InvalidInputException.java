package org.reeltrace.cli;

import java.util.Optional;

/** Input that a workflow spanning several modules found unusable (exit 3), e.g. a malformed recipients list. */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    public InvalidInputException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }
}
