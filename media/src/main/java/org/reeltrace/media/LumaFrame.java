package org.reeltrace.media;

/**
 * One decoded picture as 8-bit luma, row-major without padding.
 * Readers reuse the pixel array between frames: copy it to keep it. {@code pixels} is null for
 * frames read with {@code LumaFrameReader.next(false)} (decoded, not converted).
 *
 * @param index     decode order, from 0
 * @param timestamp presentation time in seconds from the start of the stream
 */
public record LumaFrame(long index, double timestamp, int width, int height, byte[] pixels) {

    public int at(int x, int y) {
        return pixels[y * width + x] & 0xff;
    }
}
