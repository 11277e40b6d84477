package org.reeltrace.chain;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach a chain and sign for it.
 *
 * @param rpcUrl        JSON-RPC endpoint; null means the reeltrace dev node (started on demand)
 * @param contract      registry address; null means the dev node's (or env REELTRACE_CONTRACT)
 * @param keystore      Ethereum JSON keystore for signing on a non-dev chain; null on the dev node
 * @param password      keystore password (from a file or env, never argv); null to read env
 *                      REELTRACE_KEYSTORE_PASSWORD
 * @param confirmations blocks on top of the anchoring block before receipts are written (>= 1)
 * @param pollInterval  how often to poll for receipts and new blocks
 * @param timeout       how long to wait for a transaction before replacing it with higher fees
 * @param home          reeltrace's data directory (journal, dev node state)
 * @param force         anchor again items the journal knows as anchored
 */
public record ChainConfig(String rpcUrl, String contract, Path keystore, char[] password, int confirmations,
                          Duration pollInterval, Duration timeout, Path home, boolean force) {

    public ChainConfig {
        if (confirmations < 1) {
            throw new IllegalArgumentException("confirmations must be >= 1");
        }
    }

    /** The dev node, one confirmation, 50 ms polling, reeltrace's default home. */
    public static ChainConfig dev() {
        return new ChainConfig(null, null, null, null, 1, Duration.ofMillis(50), Duration.ofMinutes(3), ChainHome.dir(), false);
    }

    public ChainConfig withRpc(String url) {
        return new ChainConfig(url, contract, keystore, password, confirmations, pollInterval, timeout, home, force);
    }

    public ChainConfig withContract(String address) {
        return new ChainConfig(rpcUrl, address, keystore, password, confirmations, pollInterval, timeout, home, force);
    }

    public ChainConfig withKeystore(Path file, char[] pass) {
        return new ChainConfig(rpcUrl, contract, file, pass, confirmations, pollInterval, timeout, home, force);
    }

    public ChainConfig withConfirmations(int n) {
        return new ChainConfig(rpcUrl, contract, keystore, password, n, pollInterval, timeout, home, force);
    }

    public ChainConfig withPollInterval(Duration d) {
        return new ChainConfig(rpcUrl, contract, keystore, password, confirmations, d, timeout, home, force);
    }

    public ChainConfig withTimeout(Duration d) {
        return new ChainConfig(rpcUrl, contract, keystore, password, confirmations, pollInterval, d, home, force);
    }

    public ChainConfig withHome(Path dir) {
        return new ChainConfig(rpcUrl, contract, keystore, password, confirmations, pollInterval, timeout, dir, force);
    }

    public ChainConfig withForce(boolean f) {
        return new ChainConfig(rpcUrl, contract, keystore, password, confirmations, pollInterval, timeout, home, f);
    }

    public boolean devNode() {
        return rpcUrl == null || rpcUrl.isBlank();
    }
}
