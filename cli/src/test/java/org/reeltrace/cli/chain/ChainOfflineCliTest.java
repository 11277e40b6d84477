package org.reeltrace.cli.chain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.cli.CliRun;
import org.reeltrace.cli.ExitCodes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cid and chain verify commands where no node is needed (or none is reachable). */
class ChainOfflineCliTest {

    static String resource(String name) throws Exception {
        return Path.of(Objects.requireNonNull(ChainOfflineCliTest.class.getResource("/" + name)).toURI()).toString();
    }

    @Test
    void cidPrintsTheIpfsCid(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.txt");
        Files.writeString(f, "a");
        CliRun r = CliRun.of("cid", f.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertEquals("bafkreigks6arfsq3xxfpvqrrwonchxcnu6do76auprhhfomao6c273sixm", r.out().strip());
        CliRun json = CliRun.of("--json", "cid", f.toString());
        assertTrue(json.out().contains("\"cid\":\"bafkreigks6arfsq3xxfpvqrrwonchxcnu6do76auprhhfomao6c273sixm\""), json.out());
        assertEquals(ExitCodes.INVALID_INPUT, CliRun.of("cid", dir.resolve("missing").toString()).exitCode());
    }

    @Test
    void offlineVerifySaysWhatItDidNotCheck() throws Exception {
        CliRun r = CliRun.of("chain", "verify", resource("receipt-valid.json"), "--offline");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("NOT checked: that root 0xfe3dc8ca"), r.out());
        CliRun json = CliRun.of("--json", "chain", "verify", resource("receipt-valid.json"), "--offline");
        assertTrue(json.out().startsWith("{\"valid\":true,\"root\":\"0xfe3dc8ca"), json.out());
        assertTrue(json.out().contains("\"chainChecked\":false"), json.out());
    }

    @Test
    void tamperedReceiptsExit4AndMalformedExit3() throws Exception {
        CliRun bad = CliRun.of("chain", "verify", resource("receipt-tampered-proof.json"), "--offline");
        assertEquals(ExitCodes.VERIFICATION_FAILED, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("wrong Merkle path"), bad.err());
        CliRun malformed = CliRun.of("chain", "verify", resource("receipt-malformed.json"));
        assertEquals(ExitCodes.INVALID_INPUT, malformed.exitCode(), malformed.err());
        assertTrue(malformed.err().contains("malformed receipt"), malformed.err());
    }

    @Test
    void anUnreachableNodeExits5WithItsUrl() throws Exception {
        CliRun r = CliRun.of("chain", "verify", resource("receipt-valid.json"), "--rpc", "http://127.0.0.1:9");
        assertEquals(ExitCodes.ENVIRONMENT, r.exitCode(), r.err());
        assertTrue(r.err().contains("http://127.0.0.1:9"), r.err());
        assertTrue(r.err().contains("checked: the item's leaf and Merkle path"), r.err());
    }
}
