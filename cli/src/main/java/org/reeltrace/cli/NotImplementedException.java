package org.reeltrace.cli;

/** A command of the contract whose implementation has not landed yet (exit 70, never a pretend result). */
public final class NotImplementedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotImplementedException(String command) {
        super("'" + command + "' is not implemented yet");
    }
}
