package org.reeltrace.chain;

import org.reeltrace.chain.contract.ReeltraceRegistry;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.reeltrace.chain.ChainException.Kind.ENVIRONMENT;

/**
 * Anchors items in one transaction and writes one receipt per item. Everything goes through the
 * journal first, so a run killed at any point is finished by the next; the chain (anchorOf) is the
 * truth about whether a root is anchored, re-read at the confirmation depth before any receipt is
 * written, which covers dropped, replaced and reorganised transactions alike.
 */
public final class Anchorer {
    /** Written into the Anchored event beside the root. */
    public static final String URI = "reeltrace-anchor/1";
    private static final int MAX_SEND_FAILURES = 5;

    private Anchorer() {
    }

    public static AnchorResult anchor(List<AnchorItem> items, Path receiptDir, ChainConfig cfg) throws ChainException {
        if (items.isEmpty()) {
            throw new ChainException(ChainException.Kind.USAGE, "nothing to anchor");
        }
        createDirectories(receiptDir);
        try (ChainSession s = ChainSession.open(cfg, true); Journal journal = Journal.open(cfg.home())) {
            Anchorer.Run run = new Run(s, journal, cfg);
            run.resumePending();
            return run.anchor(items, receiptDir);
        }
    }

    /** Finishes batches a killed run left pending on this chain; returns how many. */
    public static int resume(ChainConfig cfg) throws ChainException {
        try (ChainSession s = ChainSession.open(cfg, true); Journal journal = Journal.open(cfg.home())) {
            return new Run(s, journal, cfg).resumePending();
        }
    }

    private static final class Run {
        private final ChainSession s;
        private final Journal journal;
        private final ChainConfig cfg;

        Run(ChainSession s, Journal journal, ChainConfig cfg) {
            this.s = s;
            this.journal = journal;
            this.cfg = cfg;
        }

        int resumePending() throws ChainException {
            List<Journal.Batch> pending = journal.pending(s.chainId(), s.contract());
            for (Journal.Batch b : pending) {
                ReceiptBatch batch = new ReceiptBatch(b.items());
                Receipt.Anchor a = complete(b.id(), batch.root(), b.uri());
                writeReceipts(batch, a, b.receiptDir());
            }
            return pending.size();
        }

        AnchorResult anchor(List<AnchorItem> items, Path dir) throws ChainException {
            Map<String, AnchorItem> unique = new LinkedHashMap<>();
            for (AnchorItem it : items) {
                unique.putIfAbsent(Hex.of(it.leaf()), it);
            }
            List<AnchorItem> fresh = new ArrayList<>();
            Map<String, Long> knownIn = new LinkedHashMap<>();
            for (Map.Entry<String, AnchorItem> e : unique.entrySet()) {
                Optional<Long> b = cfg.force() ? Optional.empty()
                        : journal.anchoredBatchOf(Hex.parse32(e.getKey()), s.chainId(), s.contract());
                if (b.isPresent()) {
                    knownIn.put(e.getKey(), b.get());
                } else {
                    fresh.add(e.getValue());
                }
            }
            Map<String, Receipt> receipts = new LinkedHashMap<>();
            Receipt.Anchor newAnchor = null;
            String newRoot = null;
            if (!fresh.isEmpty()) {
                ReceiptBatch batch = new ReceiptBatch(fresh);
                long id = journal.createBatch(s.chainId(), s.contract(), batch.root(), URI, dir, fresh);
                FaultInjection.at("batch-recorded");
                newAnchor = complete(id, batch.root(), URI);
                newRoot = Hex.of(batch.root());
                for (int i = 0; i < fresh.size(); i++) {
                    receipts.put(batch.leafHex(i), batch.receipt(i, newAnchor));
                }
            }
            // each earlier batch is loaded once, however many of its items come back
            for (long id : new java.util.LinkedHashSet<>(knownIn.values())) {
                Journal.Batch b = journal.batch(id);
                ReceiptBatch old = new ReceiptBatch(b.items());
                for (int i = 0; i < b.items().size(); i++) {
                    String leaf = old.leafHex(i);
                    if (Long.valueOf(id).equals(knownIn.get(leaf))) {
                        receipts.put(leaf, old.receipt(i, b.anchor()));
                    }
                }
            }
            List<Receipt> ordered = new ArrayList<>(items.size());
            for (AnchorItem it : items) {
                ordered.add(receipts.get(Hex.of(it.leaf())));
            }
            List<Path> files = writeAll(ordered, dir);
            if (newAnchor != null) {
                return new AnchorResult(newAnchor.txHash(), newAnchor.blockNumber(), newRoot, files, true, knownIn.size());
            }
            Receipt first = receipts.values().iterator().next();
            return new AnchorResult(first.anchor().txHash(), first.anchor().blockNumber(), first.root(), files, false, knownIn.size());
        }

        /** Drives batch {@code id} until its root is anchored at the confirmation depth. */
        Receipt.Anchor complete(long id, byte[] root, String uri) throws ChainException {
            ChainClient c = s.client();
            int sendFailures = 0;
            // replacements happen every timeout; three of them without an anchor means something else is wrong
            Instant giveUp = Instant.now().plus(cfg.timeout().multipliedBy(3));
            while (true) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new ChainException(ENVIRONMENT, "root " + Hex.of(root) + " not anchored with " + cfg.confirmations()
                            + " confirmation(s) on " + c.url() + " after " + cfg.timeout().multipliedBy(3).toSeconds() + " s",
                            "the journal keeps the batch; run chain anchor again to resume", null);
                }
                Optional<ChainClient.OnChainAnchor> onChain = c.anchorOf(s.contract(), root);
                if (onChain.isPresent()) {
                    Optional<Receipt.Anchor> confirmed = confirmed(root, uri, onChain.get());
                    if (confirmed.isPresent()) {
                        journal.markAnchored(id, confirmed.get());
                        return confirmed.get();
                    }
                    ChainClient.sleep(cfg.pollInterval().toMillis());
                    continue;
                }
                Optional<Journal.Tx> last = journal.lastTx(id);
                if (last.isEmpty()) {
                    sendFailures += send(id, root, uri, null) ? 0 : 1;
                } else {
                    Journal.Tx tx = last.get();
                    Optional<TransactionReceipt> mined = c.receipt(tx.hash());
                    if (mined.isPresent() && !mined.get().isStatusOK()) {
                        journal.markTx(tx.hash(), "failed");
                        throw new ChainException(ENVIRONMENT, "anchoring transaction " + tx.hash() + " reverted in block "
                                + mined.get().getBlockNumber() + " on " + c.url(), "the journal keeps the batch; run chain anchor again to retry", null);
                    }
                    if (mined.isEmpty()) {
                        if (c.knowsTransaction(tx.hash())) {
                            if (Instant.now().isAfter(tx.sent().plus(cfg.timeout()))) {
                                sendFailures += send(id, root, uri, tx) ? 0 : 1; // stuck: same nonce, higher fees
                            }
                        } else {
                            sendFailures += rebroadcastOrReplace(id, root, uri, tx) ? 0 : 1;
                        }
                    }
                }
                if (sendFailures >= MAX_SEND_FAILURES) {
                    throw new ChainException(ENVIRONMENT, "the node at " + c.url() + " refused the anchoring transaction "
                            + sendFailures + " times", "the journal keeps the batch; run chain anchor again to retry", null);
                }
                ChainClient.sleep(cfg.pollInterval().toMillis());
            }
        }

        /** The anchor once {@code confirmations} blocks stand on it and its log is on the canonical chain. */
        private Optional<Receipt.Anchor> confirmed(byte[] root, String uri, ChainClient.OnChainAnchor a) throws ChainException {
            ChainClient c = s.client();
            if (c.blockNumber() < a.blockNumber() + cfg.confirmations() - 1) {
                return Optional.empty();
            }
            Optional<Log> log = c.anchoredLog(s.contract(), root, a.blockNumber());
            if (log.isEmpty()) {
                return Optional.empty();
            }
            EthBlock.Block block = c.block(a.blockNumber());
            if (!block.getHash().equals(log.get().getBlockHash())) {
                return Optional.empty(); // reorganised under us: read again
            }
            Optional<ChainClient.OnChainAnchor> again = c.anchorOf(s.contract(), root);
            if (again.isEmpty() || again.get().blockNumber() != a.blockNumber()) {
                return Optional.empty();
            }
            return Optional.of(new Receipt.Anchor(s.chainId(), s.contract().toLowerCase(java.util.Locale.ROOT),
                    log.get().getTransactionHash(), a.blockNumber(), block.getHash(),
                    Instant.ofEpochSecond(a.timestamp()).toString(), a.sender().toLowerCase(java.util.Locale.ROOT), uri));
        }

        /** A transaction the node forgot: send it again while its nonce is free, else sign anew. */
        private boolean rebroadcastOrReplace(long id, byte[] root, String uri, Journal.Tx tx) throws ChainException {
            BigInteger used = s.client().nonce(s.credentials().getAddress(), DefaultBlockParameterName.LATEST);
            if (used.longValueExact() <= tx.nonce()) {
                try {
                    s.client().sendRaw(tx.raw());
                    return true;
                } catch (ChainException e) {
                    if (e.kind() == ENVIRONMENT) {
                        throw e;
                    }
                }
            }
            journal.markTx(tx.hash(), "failed"); // its nonce went to another transaction
            return send(id, root, uri, null);
        }

        /**
         * Signs and sends an anchor transaction; {@code replacing} non-null reuses its nonce with
         * bumped fees. The signed transaction is journaled before it leaves. False if the node refused it.
         */
        private boolean send(long id, byte[] root, String uri, Journal.Tx replacing) throws ChainException {
            ChainClient c = s.client();
            Credentials key = s.credentials();
            String data = registry().anchor(root, uri).encodeFunctionCall();
            // a replacement keeps its gas limit: estimating now would run against the pending
            // state, where the transaction it replaces has already anchored the root
            BigInteger gas = replacing != null ? TransactionDecoder.decode(replacing.raw()).getGasLimit()
                    : c.estimateGas(key.getAddress(), s.contract(), data).multiply(BigInteger.valueOf(5)).divide(BigInteger.valueOf(4));
            Fees now = Fees.current(c);
            Fees fees = replacing == null ? now : replacing.fees().bumped(now);
            BigInteger nonce = replacing != null ? BigInteger.valueOf(replacing.nonce())
                    : c.nonce(key.getAddress(), DefaultBlockParameterName.PENDING);
            RawTransaction raw = RawTransaction.createTransaction(s.chainId(), nonce, gas, s.contract(), BigInteger.ZERO, data,
                    fees.priorityFee(), fees.maxFee());
            byte[] signed = TransactionEncoder.signMessage(raw, key);
            String hex = Numeric.toHexString(signed);
            String hash = Numeric.toHexString(Hash.sha3(signed));
            journal.recordTx(id, hash, nonce.longValueExact(), hex, fees);
            FaultInjection.at("tx-recorded");
            try {
                c.sendRaw(hex);
            } catch (ChainException e) {
                if (e.kind() == ENVIRONMENT) {
                    throw e; // node unreachable: the journal resends this very transaction next run
                }
                journal.markTx(hash, "failed");
                return false;
            }
            journal.markTx(hash, "sent");
            FaultInjection.at("tx-sent");
            return true;
        }

        private ReeltraceRegistry registry() {
            return ReeltraceRegistry.load(s.contract(), s.client().web3j(),
                    new ReadonlyTransactionManager(s.client().web3j(), s.credentials().getAddress()), new DefaultGasProvider());
        }

        private void writeReceipts(ReceiptBatch batch, Receipt.Anchor a, Path dir) throws ChainException {
            createDirectories(dir);
            List<Receipt> all = new ArrayList<>(batch.items().size());
            for (int i = 0; i < batch.items().size(); i++) {
                all.add(batch.receipt(i, a));
            }
            writeAll(all, dir);
        }
    }

    /** Writes the receipts into {@code dir} (names chosen in order, files written in parallel); their paths in order. */
    static List<Path> writeAll(List<Receipt> receipts, Path dir) throws ChainException {
        Set<String> used = new HashSet<>();
        List<Path> paths = new ArrayList<>(receipts.size());
        for (Receipt r : receipts) {
            paths.add(dir.resolve(fileName(r, used)));
        }
        java.util.concurrent.atomic.AtomicReference<ChainException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.stream.IntStream.range(0, receipts.size()).parallel().forEach(i -> {
            try {
                writeFile(receipts.get(i), paths.get(i));
            } catch (ChainException e) {
                failure.compareAndSet(null, e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return paths;
    }

    /** Writes {@code r} as DIR/NAME.receipt.json (NAME-LEAF8 when the name is taken), atomically. */
    static Path write(Receipt r, Path dir, Set<String> used) throws ChainException {
        Path target = dir.resolve(fileName(r, used));
        writeFile(r, target);
        return target;
    }

    private static String fileName(Receipt r, Set<String> used) {
        String base = r.item().name().replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isEmpty() || base.startsWith(".")) {
            base = "item" + base;
        }
        String name = base + ".receipt.json";
        if (!used.add(name)) {
            name = base + "-" + r.leaf().substring(2, 10) + ".receipt.json";
            used.add(name);
        }
        return name;
    }

    private static void writeFile(Receipt r, Path target) throws ChainException {
        try {
            // one writer per journal (journal.lock), so a fixed temporary name beside the target cannot clash
            Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
            Files.write(tmp, ReceiptJson.write(r));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ChainException(ENVIRONMENT, "cannot write receipt \"" + target + "\": " + e.getMessage(), e);
        }
    }

    private static void createDirectories(Path dir) throws ChainException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ChainException(ENVIRONMENT, "cannot create \"" + dir + "\": " + e.getMessage(), e);
        }
    }
}
