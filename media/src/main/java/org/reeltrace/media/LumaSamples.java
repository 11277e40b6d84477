package org.reeltrace.media;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.ShortPointer;

/**
 * A frame's luma plane as the 8-bit samples a filter edits, written back at the frame's own depth:
 * at 10 or 12 bits the filter's change (in 8-bit levels) is added to the untouched deep samples,
 * so an unedited picture comes back bit for bit and an edit keeps the source's fine gradations.
 */
final class LumaSamples {
    private final int width;
    private final int height;
    private final int shift;
    private final int max;
    private final byte[] eight;
    private final short[] deep;
    private final short[] row;

    LumaSamples(int width, int height, int depth) {
        this.width = width;
        this.height = height;
        this.shift = depth - 8;
        this.max = (1 << depth) - 1;
        this.eight = new byte[width * height];
        this.deep = shift > 0 ? new short[width * height] : null;
        this.row = shift > 0 ? new short[width] : null;
    }

    /** Reads the plane; returns its 8-bit samples (an array this object keeps and refills). */
    byte[] read(BytePointer plane, int stride) {
        if (deep == null) {
            for (int y = 0; y < height; y++) {
                plane.position((long) y * stride).get(eight, y * width, width);
            }
            return eight;
        }
        ShortPointer samples = new ShortPointer(plane.position(0));
        int half = 1 << (shift - 1);
        for (int y = 0; y < height; y++) {
            samples.position((long) y * (stride / 2)).get(deep, y * width, width);
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                eight[i] = (byte) Math.min(255, ((deep[i] & 0xffff) + half) >> shift);
            }
        }
        return eight;
    }

    /** Writes {@code edited} (8-bit, the same size) into {@code plane}, relative to what {@link #read} gave. */
    void write(byte[] edited, BytePointer plane, int stride) {
        if (deep == null) {
            for (int y = 0; y < height; y++) {
                plane.position((long) y * stride).put(edited, y * width, width);
            }
            return;
        }
        ShortPointer samples = new ShortPointer(plane.position(0));
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int v = (deep[i] & 0xffff) + (((edited[i] & 0xff) - (eight[i] & 0xff)) << shift);
                row[x] = (short) Math.max(0, Math.min(max, v));
            }
            samples.position((long) y * (stride / 2)).put(row, 0, width);
        }
    }
}
