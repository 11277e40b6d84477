package org.reeltrace.chain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * An anchor-v1 receipt (docs/spec/anchor-v1.md): what one item is, the Merkle path from its leaf
 * to the root, and the transaction that anchored the root. Anyone can check it: the path offline,
 * the root against any node of the chain.
 */
@JsonPropertyOrder({"version", "item", "leaf", "merkle", "root", "anchor"})
public record Receipt(String version, Item item, String leaf, Merkle merkle, String root, Anchor anchor) {
    public static final String VERSION = "reeltrace-anchor/1";

    @JsonPropertyOrder({"name", "kind", "digest", "size", "cid"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String name, String kind, Digest digest, Long size, String cid) {
    }

    /** value: lowercase hex without 0x (as sha256sum prints it); input: what was hashed. */
    @JsonPropertyOrder({"algorithm", "value", "input"})
    public record Digest(String algorithm, String value, String input) {
    }

    /** proof: sibling hashes from the leaf up (sorted-pair hashing needs no left/right bits). */
    @JsonPropertyOrder({"hash", "index", "leaves", "proof"})
    public record Merkle(String hash, int index, int leaves, List<String> proof) {
        public static final String KECCAK = "keccak-256";
    }

    @JsonPropertyOrder({"chainId", "contract", "txHash", "blockNumber", "blockHash", "blockTime", "sender", "uri"})
    public record Anchor(long chainId, String contract, String txHash, long blockNumber, String blockHash,
                         String blockTime, String sender, String uri) {
    }
}
