package org.reeltrace.chain;

import java.util.ArrayList;
import java.util.List;

/** The items of one anchoring transaction, their Merkle tree, and the receipts it yields. */
public final class ReceiptBatch {
    private final List<AnchorItem> items;
    private final List<byte[]> leaves;
    private final MerkleTree tree;
    private final String rootHex;

    public ReceiptBatch(List<AnchorItem> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to anchor");
        }
        this.items = List.copyOf(items);
        this.leaves = new ArrayList<>(items.size());
        for (AnchorItem item : this.items) {
            leaves.add(item.leaf());
        }
        this.tree = MerkleTree.of(leaves);
        this.rootHex = Hex.of(tree.root());
    }

    public byte[] root() {
        return tree.root();
    }

    /** The leaf of item {@code index} as 0x-hex. */
    public String leafHex(int index) {
        return tree.leafHex(index);
    }

    public List<AnchorItem> items() {
        return items;
    }

    /** The receipt of item {@code index} once the root is anchored as {@code anchor} says. */
    public Receipt receipt(int index, Receipt.Anchor anchor) {
        AnchorItem item = items.get(index);
        List<String> proof = tree.proofHex(index);
        return new Receipt(Receipt.VERSION,
                new Receipt.Item(item.name(), item.kind(),
                        new Receipt.Digest(item.algorithm(), item.digestHex(), item.input()), item.size(), item.cid()),
                tree.leafHex(index),
                new Receipt.Merkle(Receipt.Merkle.KECCAK, index, items.size(), proof),
                rootHex,
                anchor);
    }
}
