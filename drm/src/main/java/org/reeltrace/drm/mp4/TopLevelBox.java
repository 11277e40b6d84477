package org.reeltrace.drm.mp4;

/** Where a top-level box lies in a file; its body is read only when needed. */
public record TopLevelBox(String type, long offset, int headerSize, long size) {
    public long bodyOffset() {
        return offset + headerSize;
    }

    public long bodySize() {
        return size - headerSize;
    }

    public long end() {
        return offset + size;
    }
}
