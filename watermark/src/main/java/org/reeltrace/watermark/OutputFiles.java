package org.reeltrace.watermark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Temporary names beside the target and the final atomic move. */
final class OutputFiles {
    private OutputFiles() {
    }

    /** A temporary sibling of {@code target} that keeps its extension (FFmpeg picks the container from it). */
    static Path temporaryFor(Path target) {
        Path abs = target.toAbsolutePath();
        String name = abs.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot) : "";
        String tmp = "." + (dot > 0 ? name.substring(0, dot) : name) + ".partial-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ext;
        return abs.resolveSibling(tmp);
    }

    static void moveIntoPlace(Path tmp, Path target) throws WatermarkException {
        try {
            Files.move(tmp, target.toAbsolutePath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new WatermarkException(WatermarkException.Kind.ENVIRONMENT, "cannot write \"" + target + "\": " + e.getMessage(), e);
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a leftover temporary file is harmless
        }
    }

    static String extension(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    static boolean isStill(Path p) {
        String e = extension(p);
        return e.equals("png") || e.equals("jpg") || e.equals("jpeg");
    }

    static void requireParentExists(Path target) throws WatermarkException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new WatermarkException(WatermarkException.Kind.INVALID_INPUT, "no such directory \"" + parent + "\"");
        }
    }
}
