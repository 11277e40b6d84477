package org.reeltrace.chain;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The chain benchmark (bench/chain/run.sh): receipts built and verified per second, and gas per
 * anchoring transaction and per item at 1, 1k and 100k items, beside EAS timestamp/multiTimestamp
 * for the same items on the same anvil node. Args: WORKDIR EAS_ARTIFACTS_DIR [SIZES...].
 */
public final class ChainBench {
    private static final Receipt.Anchor ANCHOR = new Receipt.Anchor(31337, "0x5fbdb2315678afecb367f032d93f642f64180aa3",
            "0x" + "ab".repeat(32), 7, "0x" + "cd".repeat(32), "2026-11-21T06:00:00Z",
            "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", Anchorer.URI);
    private static final int EAS_CHUNK = 1000;

    private ChainBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path eas = Path.of(args[1]);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1, 1000, 100_000);
        }
        Files.createDirectories(work);
        System.out.println("## Receipts, offline (in memory)\n");
        throughput(100_000);
        if (sizes.equals(List.of(0))) {
            return;
        }
        System.out.println("\n## Gas on anvil " + AnvilInstaller.VERSION + " (same node, same items)\n");
        gas(work, eas, sizes);
    }

    static List<AnchorItem> items(int n, long seed) {
        Random r = new Random(seed);
        List<AnchorItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] d = new byte[32];
            r.nextBytes(d);
            items.add(new AnchorItem("item-" + i + ".bin", AnchorItem.FILE_KIND, AnchorItem.SHA256, d, AnchorItem.FILE_INPUT,
                    1_000_000L + i, null));
        }
        return items;
    }

    static void throughput(int n) throws Exception {
        List<AnchorItem> items = items(n, 1);
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] best = new double[6]; // wall and CPU-time rates: keccak, build, verify
        for (int round = 0; round < 4; round++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            byte[] x = new byte[32];
            for (int i = 0; i < 2 * n; i++) {
                x = Keccak.hash((byte) 1, x, x);
            }
            long c1 = mx.getCurrentThreadCpuTime();
            long t1 = System.nanoTime();
            ReceiptBatch batch = new ReceiptBatch(items);
            List<byte[]> json = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                json.add(ReceiptJson.write(batch.receipt(i, ANCHOR)));
            }
            long c2 = mx.getCurrentThreadCpuTime();
            long t2 = System.nanoTime();
            for (byte[] j : json) {
                ReceiptVerifier.checkMerkle(ReceiptJson.parse(j, "bench"));
            }
            long c3 = mx.getCurrentThreadCpuTime();
            long t3 = System.nanoTime();
            if (round > 0) { // round 0 warms the JIT
                double[] now = {2e9 * n / (t1 - t0), 2e9 * n / (c1 - c0), 1e9 * n / (t2 - t1), 1e9 * n / (c2 - c1),
                        1e9 * n / (t3 - t2), 1e9 * n / (c3 - c2)};
                for (int k = 0; k < 6; k++) {
                    best[k] = Math.max(best[k], now[k]);
                }
            }
        }
        System.out.println("| what (" + n + " items, best of 3 after warm-up) | per second, wall clock | per CPU-second of the thread |");
        System.out.println("|---|---|---|");
        System.out.printf("| Keccak-256 of a 65-byte node (floor: a tree costs ~2 per item, a proof check ~log2(n)) | %,.0f | %,.0f |%n", best[0], best[1]);
        System.out.printf("| receipts built (leaf, tree, proof, JSON bytes), 1 thread | %,.0f | %,.0f |%n", best[2], best[3]);
        System.out.printf("| receipts verified offline (parse JSON, leaf, path to root), 1 thread | %,.0f | %,.0f |%n", best[4], best[5]);
        parallel(items);
    }

    /** The same work spread over all cores (receipts are independent once the tree is built). */
    static void parallel(List<AnchorItem> items) throws Exception {
        int n = items.size();
        double bestBuild = 0;
        double bestVerify = 0;
        for (int round = 0; round < 4; round++) {
            long t1 = System.nanoTime();
            ReceiptBatch batch = new ReceiptBatch(items);
            byte[][] json = new byte[n][];
            java.util.stream.IntStream.range(0, n).parallel().forEach(i -> json[i] = ReceiptJson.write(batch.receipt(i, ANCHOR)));
            long t2 = System.nanoTime();
            java.util.Arrays.stream(json).parallel().forEach(j -> {
                try {
                    ReceiptVerifier.checkMerkle(ReceiptJson.parse(j, "bench"));
                } catch (ChainException e) {
                    throw new IllegalStateException(e);
                }
            });
            long t3 = System.nanoTime();
            if (round > 0) {
                bestBuild = Math.max(bestBuild, n / ((t2 - t1) / 1e9));
                bestVerify = Math.max(bestVerify, n / ((t3 - t2) / 1e9));
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("| receipts built, %d threads | %,.0f | |%n", cores, bestBuild);
        System.out.printf("| receipts verified offline, %d threads | %,.0f | |%n", cores, bestVerify);
    }

    static void gas(Path work, Path easDir, List<Integer> sizes) throws Exception {
        Path home = work.resolve("home");
        Endpoint e = DevChain.ensureRunning(home);
        try (ChainClient c = ChainClient.connect(e.rpcUrl())) {
            Credentials key = Signer.dev();
            String schemaRegistry = deploy(c, key, bytecode(easDir, "SchemaRegistry"));
            String easAddress = deploy(c, key, bytecode(easDir, "EAS")
                    + FunctionEncoder.encodeConstructor(List.of(new Address(schemaRegistry))));
            System.out.println("| items | reeltrace txs | reeltrace gas (total) | reeltrace gas/item | anchor wall time | "
                    + "EAS txs | EAS gas (total) | EAS gas/item |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            long seed = 100;
            for (int n : sizes) {
                List<AnchorItem> items = items(n, seed++);
                ChainConfig cfg = ChainConfig.dev().withHome(home).withPollInterval(Duration.ofMillis(5));
                long t0 = System.nanoTime();
                AnchorResult r = Anchorer.anchor(items, work.resolve("receipts-" + n), cfg);
                double seconds = (System.nanoTime() - t0) / 1e9;
                long ours = c.receipt(r.txHash()).orElseThrow().getGasUsed().longValueExact();

                long easGas = 0;
                int easTxs = 0;
                if (n == 1) {
                    Function f = new Function("timestamp", List.of(new Bytes32(items.getFirst().digest())), List.of());
                    easGas = send(c, key, easAddress, FunctionEncoder.encode(f)).getGasUsed().longValueExact();
                    easTxs = 1;
                } else {
                    for (int from = 0; from < n; from += EAS_CHUNK) {
                        List<Bytes32> data = new ArrayList<>();
                        for (AnchorItem it : items.subList(from, Math.min(n, from + EAS_CHUNK))) {
                            data.add(new Bytes32(it.digest()));
                        }
                        Function f = new Function("multiTimestamp", List.of(new DynamicArray<>(Bytes32.class, data)), List.of());
                        easGas += send(c, key, easAddress, FunctionEncoder.encode(f)).getGasUsed().longValueExact();
                        easTxs++;
                    }
                }
                System.out.printf("| %,d | 1 | %,d | %,.2f | %.2f s (incl. %,d receipt files) | %,d | %,d | %,.0f |%n",
                        n, ours, (double) ours / n, seconds, n, easTxs, easGas, (double) easGas / n);
            }
        } finally {
            DevChain.stop(home);
        }
    }

    static String bytecode(Path dir, String name) throws Exception {
        Path f = dir.resolve("artifacts/contracts/" + name + ".sol/" + name + ".json");
        return JsonMapper.builder().build().readTree(f.toFile()).get("bytecode").asString();
    }

    static String deploy(ChainClient c, Credentials key, String data) throws Exception {
        return send(c, key, null, data).getContractAddress();
    }

    static TransactionReceipt send(ChainClient c, Credentials key, String to, String data) throws Exception {
        BigInteger gas = c.estimateGas(key.getAddress(), to, data).multiply(BigInteger.valueOf(6)).divide(BigInteger.valueOf(5));
        Fees fees = Fees.current(c);
        BigInteger nonce = c.nonce(key.getAddress(), DefaultBlockParameterName.PENDING);
        RawTransaction raw = RawTransaction.createTransaction(31337, nonce, gas, to == null ? "" : to, BigInteger.ZERO, data,
                fees.priorityFee(), fees.maxFee());
        byte[] signed = TransactionEncoder.signMessage(raw, key);
        c.sendRaw(Numeric.toHexString(signed));
        String hash = Numeric.toHexString(Hash.sha3(signed));
        for (int i = 0; i < 2000; i++) {
            var r = c.receipt(hash);
            if (r.isPresent()) {
                if (!r.get().isStatusOK()) {
                    throw new IllegalStateException("transaction " + hash + " reverted");
                }
                return r.get();
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no receipt for " + hash);
    }
}
