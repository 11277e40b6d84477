package org.reeltrace.drm.mp4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One ISO-BMFF box held in memory: a leaf with its payload, or a container with a fixed prefix
 * (stsd's entry count, a sample entry's fields) followed by child boxes. Only moov/moof-sized
 * structures are held this way; mdat is streamed (see {@link TopLevelBox}).
 */
public final class Box {
    private String type;
    private byte[] payload;
    private byte[] prefix;
    private final List<Box> children;

    private Box(String type, byte[] payload, byte[] prefix, List<Box> children) {
        this.type = type;
        this.payload = payload;
        this.prefix = prefix;
        this.children = children;
    }

    public static Box leaf(String type, byte[] payload) {
        return new Box(type, payload, null, null);
    }

    public static Box container(String type, byte[] prefix, List<Box> children) {
        return new Box(type, null, prefix, new ArrayList<>(children));
    }

    public static Box container(String type, Box... children) {
        return container(type, new byte[0], List.of(children));
    }

    public String type() {
        return type;
    }

    public void rename(String newType) {
        this.type = newType;
    }

    public boolean isContainer() {
        return children != null;
    }

    public byte[] payload() {
        return payload;
    }

    public void setPayload(byte[] payload) {
        this.payload = payload;
    }

    public ByteBuffer data() {
        return ByteBuffer.wrap(payload);
    }

    public byte[] prefix() {
        return prefix;
    }

    public void setPrefix(byte[] prefix) {
        this.prefix = prefix;
    }

    public List<Box> children() {
        return children == null ? List.of() : children;
    }

    public List<Box> mutableChildren() {
        return children;
    }

    public Optional<Box> child(String t) {
        return children().stream().filter(b -> b.type.equals(t)).findFirst();
    }

    public List<Box> all(String t) {
        return children().stream().filter(b -> b.type.equals(t)).toList();
    }

    /** The first box at a slash-separated path below this one ({@code mdia/minf/stbl}). */
    public Optional<Box> find(String path) {
        Box b = this;
        for (String part : path.split("/")) {
            Optional<Box> c = b.child(part);
            if (c.isEmpty()) {
                return Optional.empty();
            }
            b = c.get();
        }
        return Optional.of(b);
    }

    /** Every box of type {@code t} anywhere below this one, depth first. */
    public List<Box> descendants(String t) {
        List<Box> out = new ArrayList<>();
        for (Box c : children()) {
            if (c.type.equals(t)) {
                out.add(c);
            }
            out.addAll(c.descendants(t));
        }
        return out;
    }

    public boolean removeChildren(String... types) {
        if (children == null) {
            return false;
        }
        return children.removeIf(c -> List.of(types).contains(c.type));
    }

    public long size() {
        long body = isContainer() ? prefix.length + children.stream().mapToLong(Box::size).sum() : payload.length;
        return body + 8 > 0xFFFFFFFFL ? body + 16 : body + 8;
    }

    public byte[] toBytes() {
        long size = size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("box " + type + " too large to hold in memory");
        }
        ByteBuffer b = ByteBuffer.allocate((int) size);
        write(b);
        return b.array();
    }

    public void write(ByteBuffer b) {
        long size = size();
        if (size > 0xFFFFFFFFL) {
            b.putInt(1).put(fourcc(type)).putLong(size);
        } else {
            b.putInt((int) size).put(fourcc(type));
        }
        if (isContainer()) {
            b.put(prefix);
            children.forEach(c -> c.write(b));
        } else {
            b.put(payload);
        }
    }

    /** Byte offset of {@code target} inside this box's serialization, or -1. */
    public long offsetOf(Box target) {
        if (target == this) {
            return 0;
        }
        if (!isContainer()) {
            return -1;
        }
        long pos = (size() > 0xFFFFFFFFL ? 16 : 8) + prefix.length;
        for (Box c : children) {
            long inner = c.offsetOf(target);
            if (inner >= 0) {
                return pos + inner;
            }
            pos += c.size();
        }
        return -1;
    }

    static byte[] fourcc(String t) {
        byte[] b = t.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length != 4) {
            throw new IllegalArgumentException("box type must have 4 characters: " + t);
        }
        return b;
    }

    @Override
    public String toString() {
        return type + (isContainer() ? children.toString() : "(" + payload.length + ")");
    }
}
