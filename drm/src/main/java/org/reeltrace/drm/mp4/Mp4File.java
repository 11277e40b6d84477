package org.reeltrace.drm.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The top-level box layout of an MP4 file, read header by header (no media bytes are loaded). */
public final class Mp4File {
    /** Bounds on boxes loaded into memory: moov tables and one moof. */
    public static final long MAX_MOOV = 256L << 20;
    public static final long MAX_MOOF = 64L << 20;
    private static final int MAX_TOP_BOXES = 10_000_000;

    private final FileChannel channel;
    private final List<TopLevelBox> boxes;

    private Mp4File(FileChannel channel, List<TopLevelBox> boxes) {
        this.channel = channel;
        this.boxes = boxes;
    }

    public static Mp4File scan(FileChannel ch) throws IOException, BoxFormatException {
        long size = ch.size();
        List<TopLevelBox> boxes = new ArrayList<>();
        long pos = 0;
        ByteBuffer h = ByteBuffer.allocate(16);
        while (pos < size) {
            String where = "box " + (boxes.size() + 1) + " at byte " + pos;
            if (size - pos < 8) {
                throw new BoxFormatException(where, (size - pos) + " stray bytes at the end of the file");
            }
            h.clear().limit((int) Math.min(16, size - pos));
            readFully(ch, h, pos);
            h.flip();
            long boxSize = h.getInt() & 0xFFFFFFFFL;
            byte[] t = new byte[4];
            h.get(t);
            String type = new String(t, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (boxSize == 1) {
                if (h.remaining() < 8) {
                    throw new BoxFormatException(type + " " + where, "64-bit size is cut short");
                }
                boxSize = h.getLong();
                header = 16;
            } else if (boxSize == 0) {
                boxSize = size - pos;
            }
            if (boxSize < header || boxSize > size - pos) {
                throw new BoxFormatException(type + " (" + where + ")", "box size " + Long.toUnsignedString(boxSize)
                        + " exceeds the file (" + (size - pos) + " bytes left): truncated or corrupt");
            }
            if (boxes.size() >= MAX_TOP_BOXES) {
                throw new BoxFormatException(where, "too many top-level boxes");
            }
            boxes.add(new TopLevelBox(type, pos, header, boxSize));
            pos += boxSize;
        }
        if (boxes.isEmpty()) {
            throw new BoxFormatException("file", "empty file");
        }
        return new Mp4File(ch, boxes);
    }

    public List<TopLevelBox> boxes() {
        return boxes;
    }

    public FileChannel channel() {
        return channel;
    }

    /** Loads and parses a top-level box (moov, moof, ...), refusing bodies larger than {@code limit}. */
    public Box load(TopLevelBox box, long limit) throws IOException, BoxFormatException {
        if (box.bodySize() > limit) {
            throw new BoxFormatException(box.type() + " at byte " + box.offset(), "box of " + box.bodySize()
                    + " bytes is larger than the " + limit + "-byte limit for metadata");
        }
        ByteBuffer b = ByteBuffer.allocate((int) box.bodySize());
        readFully(channel, b, box.bodyOffset());
        return BoxParser.parseTop(box.type(), b.array());
    }

    public static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int r = ch.read(b, pos);
            if (r < 0) {
                throw new java.io.EOFException("unexpected end of file at byte " + pos);
            }
            pos += r;
        }
    }
}
