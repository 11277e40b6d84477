package org.reeltrace.drm.mp4;

/** A malformed ISO-BMFF structure, with the path of the box where it was found (e.g. {@code moov/trak[2]/mdia}). */
public final class BoxFormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String path;

    public BoxFormatException(String path, String message) {
        super(path + ": " + message, null, false, false);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
