package org.reeltrace.cli.chain;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.cli.CliRun;
import org.reeltrace.cli.ExitCodes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chain commands end to end on a dev node (anvil) in a temporary reeltrace home. */
class ChainCliIT {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static Path home;

    @BeforeAll
    static void home() throws Exception {
        home = Files.createTempDirectory("reeltrace-cli-chain");
        System.setProperty("reeltrace.home", home.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        CliRun.of("chain", "dev", "stop");
        System.clearProperty("reeltrace.home");
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static JsonNode json(CliRun r) {
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void devStartAnchorVerifyStop(@TempDir Path dir) throws Exception {
        JsonNode start = json(CliRun.of("--json", "chain", "dev", "start"));
        assertTrue(start.get("running").asBoolean());
        String contract = start.get("contract").asString();
        assertTrue(contract.startsWith("0x"));
        assertEquals(start.get("rpc").asString(), json(CliRun.of("--json", "chain", "dev", "status")).get("rpc").asString());

        Path a = Files.writeString(dir.resolve("a.txt"), "alpha");
        Path b = Files.writeString(dir.resolve("b.txt"), "beta");
        Path out = dir.resolve("receipts");
        JsonNode anchored = json(CliRun.of("--json", "chain", "anchor", a.toString(), b.toString(), "-o", out.toString()));
        assertTrue(anchored.get("txHash").asString().matches("0x[0-9a-f]{64}"));
        assertEquals(2, anchored.get("receipts").size());
        String receiptA = anchored.get("receipts").get(0).asString();
        assertTrue(receiptA.startsWith(out.toString()), receiptA);

        JsonNode v = json(CliRun.of("--json", "chain", "verify", receiptA, a.toString()));
        assertTrue(v.get("valid").asBoolean());
        assertEquals(anchored.get("root").asString(), v.get("root").asString());
        assertEquals(anchored.get("blockNumber").asLong(), v.get("blockNumber").asLong());
        assertTrue(v.get("blockTime").asString().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), v.toString());

        CliRun wrongFile = CliRun.of("chain", "verify", receiptA, b.toString());
        assertEquals(ExitCodes.VERIFICATION_FAILED, wrongFile.exitCode());

        JsonNode again = json(CliRun.of("--json", "chain", "anchor", a.toString(), "-o", dir.resolve("again").toString()));
        assertFalse(again.get("newTransaction").asBoolean());
        assertEquals(anchored.get("txHash").asString(), again.get("txHash").asString());

        // the state survives a restart: same contract, root still anchored
        assertEquals(ExitCodes.OK, CliRun.of("chain", "dev", "stop").exitCode());
        assertFalse(json(CliRun.of("--json", "chain", "dev", "status")).get("running").asBoolean());
        JsonNode restarted = json(CliRun.of("--json", "chain", "dev", "start"));
        assertEquals(contract, restarted.get("contract").asString());
        assertTrue(json(CliRun.of("--json", "chain", "verify", receiptA)).get("valid").asBoolean());
    }

    @Test
    void deployThenAnchorWithAKeystoreAndPasswordFile(@TempDir Path dir) throws Exception {
        JsonNode start = json(CliRun.of("--json", "chain", "dev", "start"));
        String rpc = start.get("rpc").asString();
        JsonNode deployed = json(CliRun.of("--json", "chain", "deploy"));
        String contract = deployed.get("contract").asString();
        assertTrue(contract.matches("0x[0-9a-fA-F]{40}"), contract);
        assertFalse(contract.equalsIgnoreCase(start.get("contract").asString()), "a new registry");

        // anvil's second well-known account, in a standard (light scrypt) JSON keystore
        org.web3j.crypto.ECKeyPair key = org.web3j.crypto.ECKeyPair.create(
                new java.math.BigInteger("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d", 16));
        String name = org.web3j.crypto.WalletUtils.generateWalletFile("s3cret", key, dir.toFile(), false);
        Path password = Files.writeString(dir.resolve("password"), "s3cret\n");
        Path a = Files.writeString(dir.resolve("k.txt"), "keystore " + System.nanoTime());
        JsonNode anchored = json(CliRun.of("--json", "chain", "anchor", a.toString(), "-o", dir.resolve("r").toString(),
                "--rpc", rpc, "--contract", contract, "--keystore", dir.resolve(name).toString(), "--password-file", password.toString()));
        JsonNode v = json(CliRun.of("--json", "chain", "verify", anchored.get("receipts").get(0).asString(), a.toString(), "--rpc", rpc));
        assertTrue(v.get("valid").asBoolean());

        CliRun noKey = CliRun.of("chain", "anchor", a.toString(), "-o", dir.toString(), "--rpc", rpc, "--contract", contract);
        assertEquals(ExitCodes.USAGE, noKey.exitCode(), noKey.err());
        assertTrue(noKey.err().contains("--keystore"), noKey.err());
    }

    @Test
    void unknownContractIsRefused(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("c.txt"), "gamma");
        CliRun r = CliRun.of("chain", "anchor", a.toString(), "-o", dir.toString(), "--contract", "0x000000000000000000000000000000000000dead");
        assertEquals(ExitCodes.VERIFICATION_FAILED, r.exitCode(), r.err());
        assertTrue(r.err().contains("unknown contract"), r.err());
    }
}
