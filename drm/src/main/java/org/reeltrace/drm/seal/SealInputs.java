package org.reeltrace.drm.seal;

import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.DrmException.Kind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Guards shared by seal and open. */
final class SealInputs {
    private SealInputs() {
    }

    /** Refuses to write over the input (inputs are never modified). */
    static void requireDistinct(Path in, Path out) throws DrmException {
        if (!Files.exists(in)) {
            throw new DrmException(Kind.INVALID_INPUT, "no such file \"" + in + "\"");
        }
        try {
            if (Files.exists(out) && Files.isSameFile(in, out)) {
                throw new DrmException(Kind.USAGE, "the output \"" + out + "\" is the input file");
            }
        } catch (IOException e) {
            throw new DrmException(Kind.INVALID_INPUT, "cannot read \"" + in + "\"", e);
        }
    }
}
