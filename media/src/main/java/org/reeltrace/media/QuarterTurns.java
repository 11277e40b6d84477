package org.reeltrace.media;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/**
 * Display rotation as whole clockwise quarter turns, and the exact pixel permutation that applies
 * it. Phones store portrait video as landscape pictures plus a display matrix that players obey;
 * reading the picture the way it is shown (as FFmpeg's autorotate does) keeps a copy that was
 * re-encoded upright comparable with its original.
 */
public final class QuarterTurns {
    private QuarterTurns() {
    }

    /**
     * Clockwise quarter turns (0..3) that make a stored picture upright, from the counter-clockwise
     * degrees of its display matrix ({@code av_display_rotation_get}); 0 without a matrix.
     */
    public static int upright(double displayMatrixDegrees) {
        if (Double.isNaN(displayMatrixDegrees)) {
            return 0;
        }
        return Math.floorMod((int) Math.round(-displayMatrixDegrees / 90.0), 4);
    }

    /** Width of a {@code width} x {@code height} picture after {@code turns} quarter turns. */
    public static int width(int width, int height, int turns) {
        return (turns & 1) == 0 ? width : height;
    }

    /** Height of a {@code width} x {@code height} picture after {@code turns} quarter turns. */
    public static int height(int width, int height, int turns) {
        return (turns & 1) == 0 ? height : width;
    }

    /** The turns that undo {@code turns}. */
    public static int inverse(int turns) {
        return (4 - (turns & 3)) & 3;
    }

    /**
     * Turns {@code src} ({@code width} x {@code height}, row-major) clockwise by {@code turns}
     * quarter turns into {@code dst}, which is {@link #width} x {@link #height} of the result.
     */
    public static void rotate(byte[] src, int width, int height, int turns, byte[] dst) {
        int t = turns & 3;
        if (t == 0) {
            System.arraycopy(src, 0, dst, 0, width * height);
            return;
        }
        int dw = width(width, height, t);
        int dh = height(width, height, t);
        for (int y = 0; y < dh; y++) {
            int row = y * dw;
            switch (t) {
                // a clockwise turn: the result's row y is the source's column y, read bottom-up
                case 1 -> {
                    for (int x = 0; x < dw; x++) {
                        dst[row + x] = src[(height - 1 - x) * width + y];
                    }
                }
                case 2 -> {
                    int from = (height - 1 - y) * width + width - 1;
                    for (int x = 0; x < dw; x++) {
                        dst[row + x] = src[from - x];
                    }
                }
                default -> {
                    for (int x = 0; x < dw; x++) {
                        dst[row + x] = src[x * width + width - 1 - y];
                    }
                }
            }
        }
    }

    /**
     * {@code image} turned clockwise by {@code turns} quarter turns, in the same pixel layout (an exact
     * permutation of its pixels); {@code image} itself when there are none.
     */
    public static BufferedImage rotate(BufferedImage image, int turns) {
        int t = turns & 3;
        if (t == 0) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int dw = width(w, h, t);
        WritableRaster from = image.getRaster();
        WritableRaster to = from.createCompatibleWritableRaster(dw, height(w, h, t));
        Object pixel = null;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pixel = from.getDataElements(x, y, pixel);
                // where stored (x, y) lands: a clockwise turn sends it to (h - 1 - y, x)
                switch (t) {
                    case 1 -> to.setDataElements(h - 1 - y, x, pixel);
                    case 2 -> to.setDataElements(w - 1 - x, h - 1 - y, pixel);
                    default -> to.setDataElements(y, w - 1 - x, pixel);
                }
            }
        }
        return new BufferedImage(image.getColorModel(), to, image.isAlphaPremultiplied(), null);
    }
}
