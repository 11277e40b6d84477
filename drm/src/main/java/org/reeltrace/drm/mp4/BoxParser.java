package org.reeltrace.drm.mp4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Parses an in-memory box payload into a {@link Box} tree, checking every size against its parent
 * and bounding depth and box count, so crafted files fail with the box path instead of exhausting memory.
 */
public final class BoxParser {
    static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "dinf", "edts", "mvex", "moof",
            "traf", "sinf", "schi", "udta", "mfra", "tref", "rinf");
    static final Set<String> VISUAL_ENTRIES = Set.of("avc1", "avc3", "hvc1", "hev1", "encv", "dvh1", "dvhe", "vp09", "av01", "mp4v");
    static final Set<String> AUDIO_ENTRIES = Set.of("mp4a", "enca", "ac-3", "ec-3", "Opus", "fLaC", "alac", "ac-4");
    private static final int MAX_DEPTH = 24;
    private static final int MAX_BOXES = 2_000_000;

    private int boxes;

    private BoxParser() {
    }

    /** Parses the payload of a top-level box of type {@code type}. */
    public static Box parseTop(String type, byte[] payload) throws BoxFormatException {
        return new BoxParser().parse(type, payload, 0, payload.length, type, 0);
    }

    private Box parse(String type, byte[] data, int from, int to, String path, int depth) throws BoxFormatException {
        if (depth > MAX_DEPTH) {
            throw new BoxFormatException(path, "boxes nested deeper than " + MAX_DEPTH + " levels");
        }
        if (++boxes > MAX_BOXES) {
            throw new BoxFormatException(path, "more than " + MAX_BOXES + " boxes");
        }
        int prefix = prefixLength(type, data, from, to, path);
        if (prefix < 0) {
            return Box.leaf(type, Arrays.copyOfRange(data, from, to));
        }
        if (from + prefix > to) {
            throw new BoxFormatException(path, "box is too short for its fields");
        }
        List<Box> children = new ArrayList<>();
        int pos = from + prefix;
        int index = 0;
        while (pos < to) {
            if (to - pos < 8) {
                throw new BoxFormatException(path, (to - pos) + " stray bytes where a child box header should be");
            }
            ByteBuffer h = ByteBuffer.wrap(data, pos, to - pos);
            long size = h.getInt() & 0xFFFFFFFFL;
            String t = new String(data, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                if (to - pos < 16) {
                    throw new BoxFormatException(path + "/" + t, "64-bit size is cut short");
                }
                size = h.getLong();
                header = 16;
            } else if (size == 0) {
                size = to - pos;
            }
            String childPath = path + "/" + t + (index > 0 ? "[" + (index + 1) + "]" : "");
            if (size < header || size > to - pos) {
                throw new BoxFormatException(childPath, "box size " + Long.toUnsignedString(size) + " does not fit its parent ("
                        + (to - pos) + " bytes left)");
            }
            children.add(parse(t, data, pos + header, pos + (int) size, childPath, depth + 1));
            pos += (int) size;
            index++;
        }
        return Box.container(type, Arrays.copyOfRange(data, from, from + prefix), children);
    }

    /** Bytes before the child boxes of a container type, or -1 for a leaf. */
    private static int prefixLength(String type, byte[] data, int from, int to, String path) throws BoxFormatException {
        if (CONTAINERS.contains(type)) {
            return 0;
        }
        if (type.equals("stsd")) {
            return 8;
        }
        if (VISUAL_ENTRIES.contains(type)) {
            return 78;
        }
        if (AUDIO_ENTRIES.contains(type)) {
            if (to - from < 28) {
                throw new BoxFormatException(path, "audio sample entry is too short");
            }
            int version = ((data[from + 8] & 0xff) << 8) | (data[from + 9] & 0xff);
            return switch (version) {
                case 1 -> 44;
                case 2 -> 64;
                default -> 28;
            };
        }
        return -1;
    }
}
