package org.reeltrace.chain;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reeltrace.chain.contract.ReeltraceRegistry;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills anchoring runs at every step, stops the node mid-way, reorganises the chain under a
 * waiting run, and shows that the next run loses nothing and pays once: one transaction (the
 * sender's nonce moves by one), one Anchored event, receipts that verify on chain.
 */
class CrashRecoveryIT {
    static TestNode node;
    static final String SENDER = Signer.dev().getAddress();

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

    static List<Path> files(Path dir, String prefix, int n) throws Exception {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Files.writeString(dir.resolve(prefix + "-" + i + ".bin"), prefix + "-" + i + "-" + System.nanoTime()));
        }
        return out;
    }

    static List<AnchorItem> items(List<Path> files) throws ChainException {
        List<AnchorItem> items = new ArrayList<>();
        for (Path f : files) {
            items.add(AnchorItem.ofFile(f));
        }
        return items;
    }

    static Process anchorInChildProcess(Path out, List<Path> files, String haltAt) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        if (haltAt != null) {
            cmd.add("-Dreeltrace.chain.haltAt=" + haltAt);
        }
        cmd.addAll(List.of(AnchorMain.class.getName(), node.home.toString(), out.toString()));
        files.forEach(f -> cmd.add(f.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile()).start();
    }

    static long anchoredEvents(byte[] root) throws Exception {
        try (ChainClient c = ChainClient.connect(DevChain.status(node.home).orElseThrow().rpcUrl())) {
            EthFilter f = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, node.endpoint.contract());
            f.addSingleTopic(EventEncoder.encode(ReeltraceRegistry.ANCHORED_EVENT));
            f.addSingleTopic(Hex.of(root));
            return c.web3j().ethGetLogs(f).send().getLogs().size();
        }
    }

    static long nonce() throws Exception {
        try (ChainClient c = ChainClient.connect(DevChain.status(node.home).orElseThrow().rpcUrl())) {
            return c.nonce(SENDER, DefaultBlockParameterName.LATEST).longValueExact();
        }
    }

    static long pendingNonce() throws Exception {
        try (ChainClient c = ChainClient.connect(DevChain.status(node.home).orElseThrow().rpcUrl())) {
            return c.nonce(SENDER, DefaultBlockParameterName.PENDING).longValueExact();
        }
    }

    static int receiptsIn(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.filter(p -> p.toString().endsWith(".receipt.json")).count();
        }
    }

    /** The next run's view: one tx, one event, every receipt valid on chain, the killed run's receipts written too. */
    static void assertRecovered(List<Path> files, Path killedOut, Path dir, long nonceBefore) throws Exception {
        AnchorResult r = Anchorer.anchor(items(files), dir.resolve("next"), node.config());
        assertEquals(nonceBefore + 1, nonce(), "exactly one anchoring transaction in all");
        assertEquals(1, anchoredEvents(Hex.parse32(r.root())), "one Anchored event");
        assertEquals(files.size(), r.receipts().size());
        for (int i = 0; i < files.size(); i++) {
            Verification v = ReceiptVerifier.verify(r.receipts().get(i), files.get(i), node.config());
            assertTrue(v.valid() && v.chainChecked());
        }
        assertEquals(files.size(), receiptsIn(killedOut), "the killed run's receipts were written by the resume");
    }

    @ParameterizedTest
    @ValueSource(strings = {"batch-recorded", "tx-recorded", "tx-sent"})
    void aRunKilledAtAnyStepIsFinishedByTheNextWithoutPayingTwice(String point, @TempDir Path dir) throws Exception {
        List<Path> files = files(dir, point, 4);
        long before = nonce();
        Path out = dir.resolve("killed");
        Process p = anchorInChildProcess(out, files, point);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), Files.readString(dir.resolve("killed.log")));
        assertEquals(0, receiptsIn(out), "no receipt before confirmation");
        assertRecovered(files, out, dir, before);
    }

    @Test
    void aRunKilledWhileWaitingForItsBlockLosesNothing(@TempDir Path dir) throws Exception {
        List<Path> files = files(dir, "sigkill", 3);
        long before = nonce();
        node.rpc("evm_setAutomine", false);
        try {
            Process p = anchorInChildProcess(dir.resolve("killed"), files, null);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (pendingNonce() == before && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(before + 1, pendingNonce(), "the transaction is in the mempool");
            p.destroyForcibly().waitFor(); // SIGKILL
            node.rpc("evm_mine");
        } finally {
            node.rpc("evm_setAutomine", true);
        }
        assertRecovered(files, dir.resolve("killed"), dir, before);
    }

    @Test
    void aNodeStoppedMidwayFailsTheRunWhichTheNextRunFinishes(@TempDir Path dir) throws Exception {
        List<Path> files = files(dir, "nodestop", 3);
        long before = nonce();
        node.rpc("evm_setAutomine", false);
        CompletableFuture<AnchorResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return Anchorer.anchor(items(files), dir.resolve("killed"), node.config());
            } catch (ChainException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (pendingNonce() == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(DevChain.stop(node.home), "node stopped with the transaction pending");
        Throwable failure = null;
        try {
            run.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            failure = e.getCause();
        }
        assertTrue(failure instanceof ChainException ce && ce.kind() == ChainException.Kind.ENVIRONMENT, String.valueOf(failure));
        assertTrue(failure.getMessage().contains("unreachable at http://127.0.0.1:"), failure.getMessage());
        DevChain.ensureRunning(node.home); // restarts from the saved state; automine is on again
        assertRecovered(files, dir.resolve("killed"), dir, before);
    }

    @Test
    void aReorgUnderAWaitingRunIsAnchoredAgainOnTheNewChain(@TempDir Path dir) throws Exception {
        List<Path> files = files(dir, "reorg", 2);
        long before = nonce();
        String snapshot = node.rpc("evm_snapshot");
        ChainConfig cfg = node.config().withConfirmations(3);
        byte[] root = new ReceiptBatch(items(files)).root();
        CompletableFuture<AnchorResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return Anchorer.anchor(items(files), dir.resolve("r"), cfg);
            } catch (ChainException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (ChainClient c = node.client()) {
            while (c.anchorOf(node.endpoint.contract(), root).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(c.anchorOf(node.endpoint.contract(), root).isPresent(), "mined once");
            assertFalse(run.isDone(), "waiting for 3 confirmations");
            assertEquals("true", node.rpc("evm_revert", snapshot));
            assertTrue(c.anchorOf(node.endpoint.contract(), root).isEmpty(), "the anchoring block is gone");
        }
        AtomicBoolean done = new AtomicBoolean();
        Thread miner = Thread.ofVirtual().start(() -> {
            while (!done.get()) {
                try {
                    Thread.sleep(100);
                    node.rpc("evm_mine");
                } catch (Exception e) {
                    return;
                }
            }
        });
        AnchorResult r;
        try {
            r = run.get(60, TimeUnit.SECONDS);
        } finally {
            done.set(true);
            miner.join();
        }
        assertEquals(before + 1, nonce(), "anchored once on the surviving chain");
        assertEquals(1, anchoredEvents(root));
        for (int i = 0; i < files.size(); i++) {
            Verification v = ReceiptVerifier.verify(r.receipts().get(i), files.get(i), node.config());
            assertTrue(v.valid() && v.chainChecked());
        }
    }

    @Test
    void aNonceTakenByAnotherTransactionIsSignedAnew(@TempDir Path dir) throws Exception {
        List<Path> files = files(dir, "nonce", 2);
        long before = nonce();
        Process p = anchorInChildProcess(dir.resolve("killed"), files, "tx-recorded"); // signed with nonce N, never sent
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue());
        try (ChainClient c = node.client()) { // another program of the same key takes nonce N
            var manager = new org.web3j.tx.RawTransactionManager(c.web3j(), Signer.dev(), 31337,
                    new org.web3j.tx.response.PollingTransactionReceiptProcessor(c.web3j(), 20, 500));
            var gas = new org.web3j.tx.gas.StaticEIP1559GasProvider(31337, java.math.BigInteger.valueOf(10_000_000_000L),
                    java.math.BigInteger.valueOf(1_000_000_000L), java.math.BigInteger.valueOf(200_000));
            ReeltraceRegistry.load(node.endpoint.contract(), c.web3j(), manager, gas)
                    .registerWork(Keccak.hash(("work " + System.nanoTime()).getBytes(java.nio.charset.StandardCharsets.UTF_8))).send();
        }
        assertEquals(before + 1, nonce());
        AnchorResult r = Anchorer.anchor(items(files), dir.resolve("next"), node.config());
        assertEquals(before + 2, nonce(), "the other transaction and one anchoring transaction");
        assertEquals(1, anchoredEvents(Hex.parse32(r.root())));
        assertTrue(ReceiptVerifier.verify(r.receipts().getFirst(), files.getFirst(), node.config()).chainChecked());
    }

    @Test
    void aStuckTransactionIsReplacedWithHigherFees(@TempDir Path dir) throws Exception {
        List<Path> files = files(dir, "stuck", 2);
        long before = nonce();
        node.rpc("evm_setAutomine", false);
        ChainConfig cfg = node.config().withTimeout(java.time.Duration.ofSeconds(3)); // gives up after 3 timeouts: 9 s
        CompletableFuture<AnchorResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return Anchorer.anchor(items(files), dir.resolve("r"), cfg);
            } catch (ChainException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        AnchorResult r;
        try {
            // past the 3 s timeout the run replaces its transaction: anvil's 1 gwei tip bumped by 1/8 (+1 wei)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!node.rpc("txpool_content").toLowerCase(java.util.Locale.ROOT).contains("0x430e2341")
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            node.rpc("evm_mine");
            r = run.get(60, TimeUnit.SECONDS);
        } finally {
            node.rpc("evm_setAutomine", true);
        }
        assertEquals(before + 1, nonce(), "the replacement reused the nonce");
        assertEquals(1, anchoredEvents(Hex.parse32(r.root())));
        try (Journal j = Journal.open(node.home)) {
            long id = j.anchoredBatchOf(Hex.parse32(ReceiptJson.read(r.receipts().getFirst()).leaf()), 31337, node.endpoint.contract())
                    .orElseThrow();
            assertTrue(j.txCount(id) >= 2, "a replacement was signed");
        }
        try (ChainClient c = node.client()) {
            var mined = c.receipt(r.txHash()).orElseThrow();
            var tx = c.web3j().ethGetTransactionByHash(r.txHash()).send().getTransaction().orElseThrow();
            assertTrue(mined.isStatusOK());
            assertTrue(tx.getMaxPriorityFeePerGas().compareTo(java.math.BigInteger.valueOf(1_000_000_000L)) > 0,
                    "the mined one is the bumped replacement: tip " + tx.getMaxPriorityFeePerGas());
        }
    }
}
