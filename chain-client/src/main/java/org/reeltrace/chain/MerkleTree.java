package org.reeltrace.chain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Merkle tree over anchor-v1 leaves: node = keccak256(0x01 || min(a,b) || max(a,b)) with the
 * pair sorted as unsigned big-endian numbers, so a proof is a plain list of siblings (no
 * left/right bits) and OpenZeppelin's MerkleProof with a custom hasher checks it on chain.
 * A node without a partner at the end of a level moves up unchanged.
 */
public final class MerkleTree {
    static final byte NODE_PREFIX = 0x01;

    /** levels.get(0) are the leaves, the last level holds the root alone. */
    private final List<byte[][]> levels;
    private volatile List<String[]> hex;

    private MerkleTree(List<byte[][]> levels) {
        this.levels = levels;
    }

    public static MerkleTree of(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("a Merkle tree needs at least one leaf");
        }
        List<byte[][]> levels = new ArrayList<>();
        byte[][] level = leaves.toArray(new byte[0][]);
        levels.add(level);
        while (level.length > 1) {
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < up.length; i++) {
                int l = 2 * i;
                up[i] = l + 1 < level.length ? node(level[l], level[l + 1]) : level[l];
            }
            levels.add(up);
            level = up;
        }
        return new MerkleTree(levels);
    }

    public byte[] root() {
        return levels.getLast()[0].clone();
    }

    public int size() {
        return levels.getFirst().length;
    }

    /** The siblings from leaf {@code index} up to the root. */
    public List<byte[]> proof(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        List<byte[]> proof = new ArrayList<>(levels.size());
        int i = index;
        for (int k = 0; k < levels.size() - 1; k++) {
            byte[][] level = levels.get(k);
            int sibling = i ^ 1;
            if (sibling < level.length) {
                proof.add(level[sibling]);
            }
            i >>= 1;
        }
        return proof;
    }

    /** The proof of leaf {@code index} as 0x-hex strings, from a cache of every node's hex (batch receipts). */
    public List<String> proofHex(int index) {
        List<String[]> hex = hexLevels();
        List<String> proof = new ArrayList<>(levels.size());
        int i = index;
        for (int k = 0; k < levels.size() - 1; k++) {
            String[] level = hex.get(k);
            int sibling = i ^ 1;
            if (sibling < level.length) {
                proof.add(level[sibling]);
            }
            i >>= 1;
        }
        return proof;
    }

    /** The leaf {@code index} as 0x-hex. */
    public String leafHex(int index) {
        return hexLevels().getFirst()[index];
    }

    private List<String[]> hexLevels() {
        List<String[]> cached = hex;
        return cached != null ? cached : buildHexLevels();
    }

    private synchronized List<String[]> buildHexLevels() {
        if (hex == null) {
            List<String[]> h = new ArrayList<>(levels.size());
            for (byte[][] level : levels) {
                String[] l = new String[level.length];
                for (int i = 0; i < level.length; i++) {
                    l[i] = Hex.of(level[i]);
                }
                h.add(l);
            }
            hex = h;
        }
        return hex;
    }

    /** The root that {@code leaf} and {@code proof} lead to. */
    public static byte[] rootOf(byte[] leaf, List<byte[]> proof) {
        byte[] h = leaf;
        for (byte[] sibling : proof) {
            h = node(h, sibling);
        }
        return h;
    }

    static byte[] node(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b) <= 0 ? Keccak.hash(NODE_PREFIX, a, b) : Keccak.hash(NODE_PREFIX, b, a);
    }
}
