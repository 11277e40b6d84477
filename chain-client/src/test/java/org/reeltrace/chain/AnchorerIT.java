package org.reeltrace.chain;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.WalletUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Anchoring batches on anvil and verifying their receipts against the chain. */
class AnchorerIT {
    static TestNode node;
    static String sender = Signer.dev().getAddress();

    @BeforeAll
    static void up() throws Exception {
        node = TestNode.start();
    }

    @AfterAll
    static void down() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    static List<AnchorItem> files(Path dir, String prefix, int n) throws Exception {
        List<AnchorItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path f = dir.resolve(prefix + "-" + i + ".bin");
            Files.writeString(f, prefix + "-" + i + "-" + System.nanoTime());
            items.add(AnchorItem.ofFile(f));
        }
        return items;
    }

    @Test
    void oneTransactionAnchorsAllItemsAndEveryReceiptVerifiesOnChain(@TempDir Path dir) throws Exception {
        List<AnchorItem> items = files(dir, "a", 7);
        long nonce = node.nonce(sender);
        AnchorResult r = Anchorer.anchor(items, dir.resolve("receipts"), node.config());
        assertEquals(nonce + 1, node.nonce(sender), "exactly one transaction");
        assertTrue(r.newTransaction());
        assertEquals(7, r.receipts().size());
        try (ChainClient c = node.client()) {
            assertTrue(c.receipt(r.txHash()).orElseThrow().isStatusOK());
            String blockTime = Instant.ofEpochSecond(c.block(r.blockNumber()).getTimestamp().longValueExact()).toString();
            for (int i = 0; i < 7; i++) {
                Verification v = ReceiptVerifier.verify(r.receipts().get(i), dir.resolve("a-" + i + ".bin"), node.config());
                assertTrue(v.valid() && v.chainChecked() && v.fileChecked() && v.merkleChecked());
                assertEquals(r.blockNumber(), v.blockNumber());
                assertEquals(blockTime, v.blockTime());
                assertEquals(r.root(), v.root());
            }
        }
        Receipt first = ReceiptJson.read(r.receipts().getFirst());
        assertEquals(r.txHash(), first.anchor().txHash());
        assertEquals(node.endpoint.contract().toLowerCase(), first.anchor().contract());
        assertEquals(31337, first.anchor().chainId());
    }

    @Test
    void knownItemsGetTheirReceiptsBackWithoutATransaction(@TempDir Path dir) throws Exception {
        List<AnchorItem> items = files(dir, "k", 3);
        AnchorResult first = Anchorer.anchor(items, dir.resolve("r1"), node.config());
        long nonce = node.nonce(sender);

        AnchorResult again = Anchorer.anchor(items, dir.resolve("r2"), node.config());
        assertEquals(nonce, node.nonce(sender), "no transaction for known items");
        assertFalse(again.newTransaction());
        assertEquals(3, again.alreadyAnchored());
        assertEquals(first.txHash(), again.txHash());
        assertEquals(Files.readString(first.receipts().get(1)), Files.readString(again.receipts().get(1)));

        List<AnchorItem> mixed = new ArrayList<>(items.subList(0, 2));
        mixed.addAll(files(dir, "new", 1));
        AnchorResult m = Anchorer.anchor(mixed, dir.resolve("r3"), node.config());
        assertEquals(nonce + 1, node.nonce(sender), "one transaction for the one new item");
        assertEquals(2, m.alreadyAnchored());
        assertEquals(first.txHash(), ReceiptJson.read(m.receipts().get(0)).anchor().txHash());
        assertEquals(m.txHash(), ReceiptJson.read(m.receipts().get(2)).anchor().txHash());
    }

    @Test
    void forceNeverPaysForARootAlreadyOnChain(@TempDir Path dir) throws Exception {
        List<AnchorItem> items = files(dir, "f", 2);
        AnchorResult first = Anchorer.anchor(items, dir.resolve("r1"), node.config());
        long nonce = node.nonce(sender);
        AnchorResult forced = Anchorer.anchor(items, dir.resolve("r2"), node.config().withForce(true));
        assertEquals(nonce, node.nonce(sender), "the root is on chain already: a duplicate would only revert");
        assertEquals(first.txHash(), forced.txHash());
        assertTrue(ReceiptVerifier.verify(forced.receipts().getFirst(), null, node.config()).chainChecked());
    }

    @Test
    void aKeystoreSignsOnAnyRpcEndpoint(@TempDir Path dir) throws Exception {
        ECKeyPair key = ECKeyPair.create(Hex.parse(RegistryContractIT.KEY_1));
        String file = WalletUtils.generateWalletFile("pw-123", key, dir.toFile(), false);
        ChainConfig cfg = node.config().withRpc(node.endpoint.rpcUrl()).withContract(node.endpoint.contract())
                .withKeystore(dir.resolve(file), "pw-123".toCharArray()).withConfirmations(2);
        String address = "0x" + Keys.getAddress(key.getPublicKey());
        long nonce = node.nonce(address);
        // automine makes one block per transaction; a second confirmation needs more blocks
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread miner = Thread.ofVirtual().start(() -> {
            while (!done.get()) {
                try {
                    Thread.sleep(200);
                    node.rpc("evm_mine");
                } catch (Exception e) {
                    return;
                }
            }
        });
        AnchorResult r;
        try {
            r = Anchorer.anchor(files(dir, "ks", 2), dir.resolve("r"), cfg);
        } finally {
            done.set(true);
            miner.join();
        }
        assertEquals(nonce + 1, node.nonce(address));
        assertEquals(address, ReceiptJson.read(r.receipts().getFirst()).anchor().sender());
        try (ChainClient c = node.client()) {
            assertTrue(c.blockNumber() >= r.blockNumber() + 1, "receipts only after two confirmations");
        }
        ChainException wrong = assertThrows(ChainException.class, () -> Anchorer.anchor(files(dir, "x", 1), dir.resolve("r"),
                cfg.withKeystore(dir.resolve(file), "nope".toCharArray())));
        assertEquals(ChainException.Kind.INVALID_INPUT, wrong.kind());
    }

    @Test
    void receiptsForAnotherChainOrContractOrAnUnanchoredRootFail(@TempDir Path dir) throws Exception {
        AnchorResult r = Anchorer.anchor(files(dir, "v", 2), dir.resolve("r"), node.config());
        Receipt good = ReceiptJson.read(r.receipts().getFirst());
        Receipt.Anchor a = good.anchor();

        Receipt otherChain = with(good, new Receipt.Anchor(1, a.contract(), a.txHash(), a.blockNumber(), a.blockHash(), a.blockTime(), a.sender(), a.uri()));
        assertFailure(otherChain, "wrong chain");
        Receipt otherContract = with(good, new Receipt.Anchor(a.chainId(), "0x000000000000000000000000000000000000dead", a.txHash(),
                a.blockNumber(), a.blockHash(), a.blockTime(), a.sender(), a.uri()));
        assertFailure(otherContract, "unknown contract");
        Receipt otherBlock = with(good, new Receipt.Anchor(a.chainId(), a.contract(), a.txHash(), a.blockNumber() + 1, a.blockHash(),
                a.blockTime(), a.sender(), a.uri()));
        assertFailure(otherBlock, "the receipt says block");

        Receipt unanchored = new ReceiptBatch(files(dir, "never", 2)).receipt(0, a);
        assertFailure(unanchored, "is not anchored");
    }

    @Test
    void anUnreachableNodeIsAnEnvironmentErrorNamingTheUrl(@TempDir Path dir) throws Exception {
        Path receipt = Anchorer.anchor(files(dir, "u", 1), dir.resolve("r"), node.config()).receipts().getFirst();
        ChainConfig dead = node.config().withRpc("http://127.0.0.1:9");
        ChainException e = assertThrows(ChainException.class, () -> ReceiptVerifier.verify(receipt, null, dead));
        assertEquals(ChainException.Kind.ENVIRONMENT, e.kind());
        assertTrue(e.getMessage().contains("http://127.0.0.1:9"), e.getMessage());
    }

    static Receipt with(Receipt r, Receipt.Anchor a) {
        return new Receipt(r.version(), r.item(), r.leaf(), r.merkle(), r.root(), a);
    }

    static void assertFailure(Receipt r, String words) {
        ChainException e = assertThrows(ChainException.class, () -> ReceiptVerifier.verify(r, null, node.config()));
        assertEquals(ChainException.Kind.VERIFICATION_FAILED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }
}
