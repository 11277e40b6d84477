package org.reeltrace.drm.cenc;

import java.nio.file.Files;
import java.nio.file.Path;

/** The read-only shared test media (system property reeltrace.sharedMedia). */
final class SharedMedia {
    private SharedMedia() {
    }

    static Path root() {
        Path p = Path.of(System.getProperty("reeltrace.sharedMedia", "../../shared/media")).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("shared media not found at " + p + " (set -Dreeltrace.sharedMedia)");
        }
        return p;
    }

    static Path encrypted(String name) {
        return root().resolve("encrypted").resolve(name);
    }

    static Path clip(String name) {
        return root().resolve("clips").resolve(name);
    }
}
