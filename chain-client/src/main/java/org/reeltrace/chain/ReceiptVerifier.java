package org.reeltrace.chain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.reeltrace.chain.ChainException.Kind.INVALID_INPUT;
import static org.reeltrace.chain.ChainException.Kind.VERIFICATION_FAILED;

/**
 * Checks receipts: the file's digest (when given), the leaf, the Merkle path to the root (all
 * offline), then that the root is anchored on chain in the block the receipt names.
 */
public final class ReceiptVerifier {
    private ReceiptVerifier() {
    }

    /**
     * Verifies {@code receipt}; with {@code cfg} null, only offline (the result says what was not
     * checked). Throws VERIFICATION_FAILED naming the first check that failed, INVALID_INPUT for a
     * malformed receipt, ENVIRONMENT when the node is unreachable.
     */
    public static Verification verify(Path receipt, Path fileOrNull, ChainConfig cfg) throws ChainException {
        Receipt r = ReceiptJson.read(receipt);
        return verify(r, fileOrNull, cfg);
    }

    public static Verification verify(Receipt r, Path fileOrNull, ChainConfig cfg) throws ChainException {
        List<String> checked = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        if (fileOrNull != null) {
            checkFile(r, fileOrNull);
            checked.add("\"" + fileOrNull + "\" has the receipt's " + r.item().digest().algorithm() + " digest");
        } else {
            notChecked.add("the item itself (no file given): only its recorded digest is checked");
        }
        checkMerkle(r);
        checked.add("the item's leaf and Merkle path lead to root " + r.root());
        if (cfg == null) {
            notChecked.add("that root " + r.root() + " is anchored on chain " + r.anchor().chainId()
                    + " by contract " + r.anchor().contract() + " (no node asked)");
            return new Verification(true, r.root(), r.anchor().blockNumber(), r.anchor().blockTime(), fileOrNull != null,
                    true, false, checked, notChecked);
        }
        try (ChainSession s = ChainSession.readOnly(cfg)) {
            OnChain onChain = checkChain(r, s.client());
            checked.add("chain " + r.anchor().chainId() + " at " + s.client().url() + ": contract " + r.anchor().contract()
                    + " anchored the root in block " + onChain.blockNumber + " at " + onChain.blockTime);
            return new Verification(true, r.root(), onChain.blockNumber, onChain.blockTime, fileOrNull != null, true, true,
                    checked, notChecked);
        }
    }

    /** The digest of the file equals the receipt's (sha-256 files only). */
    static void checkFile(Receipt r, Path file) throws ChainException {
        String algorithm = r.item().digest().algorithm();
        if (!AnchorItem.SHA256.equals(algorithm)) {
            throw new ChainException(INVALID_INPUT, "cannot recompute a " + algorithm + " digest of \"" + file
                    + "\": only sha-256 file receipts can be checked against a file");
        }
        byte[] digest;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            digest = ((DigestInputStream) in).getMessageDigest().digest();
        } catch (IOException e) {
            throw new ChainException(INVALID_INPUT, "cannot read \"" + file + "\": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (!HexFormat.of().formatHex(digest).equals(r.item().digest().value())) {
            throw new ChainException(VERIFICATION_FAILED, "\"" + file + "\" is not the anchored item: its sha-256 is "
                    + HexFormat.of().formatHex(digest) + ", the receipt says " + r.item().digest().value());
        }
    }

    /** The leaf is the anchor-v1 leaf of the item and the path leads to the root. */
    public static void checkMerkle(Receipt r) throws ChainException {
        byte[] leaf = AnchorLeaf.hash(r.item().kind(), r.item().digest().algorithm(), HexFormat.of().parseHex(r.item().digest().value()));
        if (!Arrays.equals(leaf, Hex.parse32(r.leaf()))) {
            throw new ChainException(VERIFICATION_FAILED, "receipt leaf " + r.leaf() + " is not the anchor-v1 leaf of its item ("
                    + Hex.of(leaf) + ")");
        }
        List<byte[]> proof = new ArrayList<>(r.merkle().proof().size());
        for (String p : r.merkle().proof()) {
            proof.add(Hex.parse32(p));
        }
        byte[] root = MerkleTree.rootOf(leaf, proof);
        if (!Arrays.equals(root, Hex.parse32(r.root()))) {
            throw new ChainException(VERIFICATION_FAILED, "wrong Merkle path: it leads to " + Hex.of(root)
                    + ", not to the receipt's root " + r.root());
        }
    }

    private record OnChain(long blockNumber, String blockTime) {
    }

    private static OnChain checkChain(Receipt r, ChainClient client) throws ChainException {
        long chainId = client.chainId();
        if (chainId != r.anchor().chainId()) {
            throw new ChainException(VERIFICATION_FAILED, "wrong chain: the receipt is for chain id " + r.anchor().chainId()
                    + ", the node at " + client.url() + " serves chain id " + chainId,
                    "pass --rpc with a node of chain " + r.anchor().chainId(), null);
        }
        if (!client.hasCode(r.anchor().contract())) {
            throw new ChainException(VERIFICATION_FAILED, "unknown contract: no code at " + r.anchor().contract()
                    + " on chain " + chainId + " (" + client.url() + ")");
        }
        Optional<ChainClient.OnChainAnchor> a = client.anchorOf(r.anchor().contract(), Hex.parse32(r.root()));
        if (a.isEmpty()) {
            throw new ChainException(VERIFICATION_FAILED, "root " + r.root() + " is not anchored by contract "
                    + r.anchor().contract() + " on chain " + chainId);
        }
        if (a.get().blockNumber() != r.anchor().blockNumber()) {
            throw new ChainException(VERIFICATION_FAILED, "root " + r.root() + " is anchored in block " + a.get().blockNumber()
                    + ", the receipt says block " + r.anchor().blockNumber());
        }
        return new OnChain(a.get().blockNumber(), Instant.ofEpochSecond(a.get().timestamp()).toString());
    }
}
