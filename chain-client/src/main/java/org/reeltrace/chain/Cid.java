package org.reeltrace.chain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The CIDv1 that {@code ipfs add --cid-version=1} gives a file: UnixFS, fixed 256 KiB chunks as
 * raw leaves, a balanced DAG of dag-pb nodes with at most 174 links, sha2-256, base32. A file of
 * one chunk (or none) is its raw leaf.
 */
public final class Cid {
    static final int CHUNK = 256 * 1024;
    static final int MAX_LINKS = 174;
    private static final int RAW = 0x55;
    private static final int DAG_PB = 0x70;

    private Cid() {
    }

    /** The CIDv1 of the file at {@code file}, base32 ("b..."). */
    public static String of(Path file) throws ChainException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        } catch (IOException e) {
            throw new ChainException(ChainException.Kind.INVALID_INPUT, "cannot read \"" + file + "\": " + e.getMessage(), e);
        }
    }

    public static String of(InputStream in) throws IOException {
        List<Node> leaves = new ArrayList<>();
        byte[] buf = new byte[CHUNK];
        while (true) {
            int n = in.readNBytes(buf, 0, CHUNK);
            if (n == 0 && !leaves.isEmpty()) {
                break;
            }
            leaves.add(new Node(cid(RAW, sha256(buf, n)), n, n));
            if (n < CHUNK) {
                break;
            }
        }
        List<Node> level = leaves;
        while (level.size() > 1) {
            List<Node> up = new ArrayList<>((level.size() + MAX_LINKS - 1) / MAX_LINKS);
            for (int i = 0; i < level.size(); i += MAX_LINKS) {
                up.add(parent(level.subList(i, Math.min(level.size(), i + MAX_LINKS))));
            }
            level = up;
        }
        return "b" + base32(level.getFirst().cid);
    }

    /** A node of the DAG: its CID bytes, the file bytes under it, and its cumulative block size. */
    private record Node(byte[] cid, long fileSize, long treeSize) {
    }

    private static Node parent(List<Node> children) {
        long fileSize = 0;
        ByteArrayOutputStream unixfs = new ByteArrayOutputStream();
        varintField(unixfs, 1, 2); // Type = File
        for (Node c : children) {
            fileSize += c.fileSize;
        }
        varintField(unixfs, 3, fileSize);
        for (Node c : children) {
            varintField(unixfs, 4, c.fileSize);
        }
        ByteArrayOutputStream pb = new ByteArrayOutputStream();
        long treeSize = 0;
        for (Node c : children) {
            ByteArrayOutputStream link = new ByteArrayOutputStream();
            bytesField(link, 1, c.cid);
            bytesField(link, 2, new byte[0]); // Name: empty, but present, as go-ipfs and js write it
            varintField(link, 3, c.treeSize);
            bytesField(pb, 2, link.toByteArray());
            treeSize += c.treeSize;
        }
        bytesField(pb, 1, unixfs.toByteArray());
        byte[] block = pb.toByteArray();
        return new Node(cid(DAG_PB, sha256(block, block.length)), fileSize, treeSize + block.length);
    }

    private static byte[] cid(int codec, byte[] sha256) {
        byte[] out = new byte[4 + 32];
        out[0] = 0x01; // CIDv1
        out[1] = (byte) codec; // both codecs fit one varint byte
        out[2] = 0x12; // multihash sha2-256
        out[3] = 0x20;
        System.arraycopy(sha256, 0, out, 4, 32);
        return out;
    }

    private static byte[] sha256(byte[] b, int n) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(b, 0, n);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void varintField(ByteArrayOutputStream out, int field, long value) {
        varint(out, (long) field << 3);
        varint(out, value);
    }

    private static void bytesField(ByteArrayOutputStream out, int field, byte[] value) {
        varint(out, ((long) field << 3) | 2);
        varint(out, value.length);
        out.writeBytes(value);
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** RFC 4648 base32, lowercase, no padding (multibase "b"). */
    static String base32(byte[] data) {
        final String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder sb = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                sb.append(alphabet.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return sb.toString();
    }
}
