package org.reeltrace.cli.chain;

import org.reeltrace.chain.ChainConfig;
import org.reeltrace.chain.ChainException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** How to reach a chain and sign for it; shared by the chain commands. */
public final class ChainOptions {

    @Option(names = "--rpc", paramLabel = "URL", defaultValue = "${env:REELTRACE_RPC}",
            description = "JSON-RPC endpoint (env REELTRACE_RPC); the dev node when absent")
    public String rpc;

    @Option(names = "--keystore", paramLabel = "FILE",
            description = "Ethereum JSON keystore; password from env REELTRACE_KEYSTORE_PASSWORD or --password-file")
    public Path keystore;

    @Option(names = "--password-file", paramLabel = "FILE", description = "file holding the keystore password")
    public Path passwordFile;

    @Option(names = "--confirmations", paramLabel = "N", defaultValue = "1",
            description = "blocks on top of the anchoring block before receipts are written (default: ${DEFAULT-VALUE})")
    public int confirmations;

    /** The library configuration these options describe. */
    public ChainConfig config(String contract) throws ChainException {
        ChainConfig cfg = ChainConfig.dev().withConfirmations(Math.max(1, confirmations));
        if (rpc != null && !rpc.isBlank()) {
            // public networks: poll every second, replace a stuck transaction after five minutes
            cfg = cfg.withRpc(rpc).withPollInterval(Duration.ofSeconds(1)).withTimeout(Duration.ofMinutes(5));
        }
        if (contract != null) {
            cfg = cfg.withContract(contract);
        }
        if (keystore != null) {
            cfg = cfg.withKeystore(keystore, password());
        }
        return cfg;
    }

    private char[] password() throws ChainException {
        if (passwordFile == null) {
            return null; // Signer reads env REELTRACE_KEYSTORE_PASSWORD
        }
        try {
            return Files.readString(passwordFile).strip().toCharArray();
        } catch (IOException e) {
            throw new ChainException(ChainException.Kind.INVALID_INPUT, "cannot read password file \"" + passwordFile + "\": " + e.getMessage(), e);
        }
    }
}
