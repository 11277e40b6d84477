package org.reeltrace.cli;

import org.reeltrace.chain.ChainException;
import org.reeltrace.drm.DrmException;
import org.reeltrace.fingerprint.FingerprintException;
import org.reeltrace.media.MediaException;
import org.reeltrace.watermark.WatermarkException;
import picocli.CommandLine;
import picocli.CommandLine.IExitCodeExceptionMapper;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/** The one exit-code table of reeltrace (see docs/cli.md); every code a command returns comes from here. */
public final class ExitCodes implements IExitCodeExceptionMapper {
    public static final int OK = 0;
    /** a finding the caller asked to fail on (--fail-on-match, --fail-on-found) */
    public static final int FOUND = 1;
    public static final int USAGE = 2;
    public static final int INVALID_INPUT = 3;
    public static final int VERIFICATION_FAILED = 4;
    public static final int ENVIRONMENT = 5;
    public static final int INTERNAL = 70;

    @Override
    public int getExitCode(Throwable t) {
        return of(t);
    }

    public static int of(Throwable t) {
        if (t instanceof CommandLine.ExecutionException && t.getCause() != null) {
            return of(t.getCause());
        }
        if (t instanceof CommandLine.ParameterException || t instanceof UsageException) {
            return USAGE;
        }
        if (t instanceof InvalidInputException) {
            return INVALID_INPUT;
        }
        if (t instanceof NotImplementedException) {
            return INTERNAL;
        }
        Optional<Enum<?>> kind = kind(t);
        if (kind.isPresent()) {
            return switch (kind.get().name()) {
                case "INVALID_INPUT" -> INVALID_INPUT;
                case "VERIFICATION_FAILED" -> VERIFICATION_FAILED;
                case "ENVIRONMENT" -> ENVIRONMENT;
                case "USAGE" -> USAGE;
                default -> INTERNAL;
            };
        }
        if (t instanceof UncheckedIOException u) {
            return of(u.getCause());
        }
        if (t instanceof NoSuchFileException || t instanceof AccessDeniedException || t instanceof FileNotFoundException) {
            return INVALID_INPUT;
        }
        if (t instanceof IOException) {
            return ENVIRONMENT;
        }
        return INTERNAL;
    }

    /** The failure category of a domain exception, if {@code t} is one. */
    static Optional<Enum<?>> kind(Throwable t) {
        if (t instanceof MediaException e) {
            return Optional.of(e.kind());
        } else if (t instanceof FingerprintException e) {
            return Optional.of(e.kind());
        } else if (t instanceof WatermarkException e) {
            return Optional.of(e.kind());
        } else if (t instanceof DrmException e) {
            return Optional.of(e.kind());
        } else if (t instanceof ChainException e) {
            return Optional.of(e.kind());
        }
        return Optional.empty();
    }

    /** The hint a domain exception carries, if any. */
    static Optional<String> hint(Throwable t) {
        if (t instanceof MediaException e) {
            return e.hint();
        } else if (t instanceof FingerprintException e) {
            return e.hint();
        } else if (t instanceof WatermarkException e) {
            return e.hint();
        } else if (t instanceof DrmException e) {
            return e.hint();
        } else if (t instanceof ChainException e) {
            return e.hint();
        } else if (t instanceof UsageException e) {
            return e.hint();
        } else if (t instanceof InvalidInputException e) {
            return e.hint();
        }
        return Optional.empty();
    }
}
