package org.reeltrace.cli.drm;

import org.reeltrace.cli.Console;
import org.reeltrace.drm.DrmException;

import java.nio.file.Path;

/** Prints what drm inspect finds in an MP4 (filled in with the CENC reader). */
final class CencInspectOutput {
    private CencInspectOutput() {
    }

    static int print(Console console, Path file) throws DrmException {
        throw new DrmException(DrmException.Kind.INVALID_INPUT, "\"" + file + "\" is not a sealed file");
    }
}
