package org.reeltrace.watermark;

import org.reeltrace.media.QuarterTurns;
import org.w3c.dom.Node;

import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * EXIF Orientation (TIFF tag 274, values 1-8): how a viewer turns and mirrors a camera's stored
 * picture. A still is marked and read as it is shown, like a video with a display matrix, so a copy
 * that an editor saved upright (most drop the tag and turn the pixels) carries the same mark.
 * Value v shows the stored picture mirrored left to right when {@link #mirrored()}, then turned
 * clockwise by {@link #turns()} quarter turns.
 */
record ExifOrientation(int value) {
    static final ExifOrientation NORMAL = new ExifOrientation(1);
    private static final int TAG = 0x0112;

    ExifOrientation {
        if (value < 1 || value > 8) {
            value = 1; // out of range: viewers show such pictures as stored
        }
    }

    boolean mirrored() {
        return value == 2 || value == 4 || value == 5 || value == 7;
    }

    int turns() {
        return switch (value) {
            case 3, 4 -> 2;
            case 6, 7 -> 1;
            case 5, 8 -> 3;
            default -> 0;
        };
    }

    int shownWidth(int width, int height) {
        return (turns() & 1) == 0 ? width : height;
    }

    int shownHeight(int width, int height) {
        return (turns() & 1) == 0 ? height : width;
    }

    /** The stored plane as shown: mirrored, then turned. */
    byte[] toShown(byte[] stored, int width, int height) {
        if (value == 1) {
            return stored;
        }
        byte[] shown = new byte[stored.length];
        QuarterTurns.rotate(mirrored() ? mirror(stored, width, height) : stored, width, height, turns(), shown);
        return shown;
    }

    /** A shown plane back in the stored layout ({@code width} x {@code height} are the stored dimensions): turned back, then mirrored. */
    byte[] toStored(byte[] shown, int width, int height) {
        if (value == 1) {
            return shown;
        }
        byte[] stored = new byte[shown.length];
        QuarterTurns.rotate(shown, shownWidth(width, height), shownHeight(width, height), QuarterTurns.inverse(turns()), stored);
        return mirrored() ? mirror(stored, width, height) : stored;
    }

    /** The picture as shown, in the same pixel layout (an exact permutation of its pixels). */
    BufferedImage toShown(BufferedImage stored) {
        if (value == 1) {
            return stored;
        }
        BufferedImage image = stored;
        if (mirrored()) {
            int w = stored.getWidth();
            WritableRaster from = stored.getRaster();
            WritableRaster to = from.createCompatibleWritableRaster();
            Object pixel = null;
            for (int y = 0; y < stored.getHeight(); y++) {
                for (int x = 0; x < w; x++) {
                    pixel = from.getDataElements(x, y, pixel);
                    to.setDataElements(w - 1 - x, y, pixel);
                }
            }
            image = new BufferedImage(stored.getColorModel(), to, stored.isAlphaPremultiplied(), null);
        }
        return QuarterTurns.rotate(image, turns());
    }

    private static byte[] mirror(byte[] plane, int width, int height) {
        byte[] out = new byte[plane.length];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                out[row + x] = plane[row + width - 1 - x];
            }
        }
        return out;
    }

    /** The orientation a JPEG's EXIF (APP1) says, {@link #NORMAL} without one or when it cannot be read. */
    static ExifOrientation of(Optional<IIOMetadata> metadata) {
        if (metadata.isEmpty() || !java.util.Arrays.asList(metadata.get().getMetadataFormatNames()).contains(JPEG)) {
            return NORMAL;
        }
        Node root = metadata.get().getAsTree(JPEG);
        for (Node seq = root.getFirstChild(); seq != null; seq = seq.getNextSibling()) {
            if (!seq.getNodeName().equals("markerSequence")) {
                continue;
            }
            for (Node n = seq.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeName().equals("unknown") && n instanceof IIOMetadataNode m && m.getUserObject() instanceof byte[] b
                        && "225".equals(m.getAttribute("MarkerTag"))) {
                    Optional<Integer> v = fromExif(b);
                    if (v.isPresent()) {
                        return new ExifOrientation(v.get());
                    }
                }
            }
        }
        return NORMAL;
    }

    private static final String JPEG = "javax_imageio_jpeg_image_1.0";

    /** Tag 274 of IFD0 in an APP1 payload ("Exif\0\0" then a TIFF header). */
    static Optional<Integer> fromExif(byte[] app1) {
        byte[] magic = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        if (app1.length < magic.length + 8 || !java.util.Arrays.equals(app1, 0, magic.length, magic, 0, magic.length)) {
            return Optional.empty();
        }
        int tiff = magic.length;
        boolean little = app1[tiff] == 'I' && app1[tiff + 1] == 'I';
        if (!little && !(app1[tiff] == 'M' && app1[tiff + 1] == 'M')) {
            return Optional.empty();
        }
        long ifd = tiff + u32(app1, tiff + 4, little);
        if (ifd + 2 > app1.length) {
            return Optional.empty();
        }
        int entries = u16(app1, (int) ifd, little);
        for (int e = 0; e < entries; e++) {
            int at = (int) ifd + 2 + 12 * e;
            if (at + 12 > app1.length) {
                return Optional.empty();
            }
            if (u16(app1, at, little) == TAG && u16(app1, at + 2, little) == 3) {
                return Optional.of(u16(app1, at + 8, little));
            }
        }
        return Optional.empty();
    }

    private static int u16(byte[] b, int at, boolean little) {
        int a = b[at] & 0xff;
        int c = b[at + 1] & 0xff;
        return little ? a | c << 8 : a << 8 | c;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int shift = little ? 8 * i : 8 * (3 - i);
            v |= (long) (b[at + i] & 0xff) << shift;
        }
        return v;
    }
}
