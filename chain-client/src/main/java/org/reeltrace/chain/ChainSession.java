package org.reeltrace.chain;

import org.web3j.crypto.Credentials;

import static org.reeltrace.chain.ChainException.Kind.USAGE;
import static org.reeltrace.chain.ChainException.Kind.VERIFICATION_FAILED;

/** A connected chain: client, chain id, registry contract and signing key, resolved from a config. */
final class ChainSession implements AutoCloseable {
    private final ChainClient client;
    private final long chainId;
    private final String contract;
    private final Credentials credentials;

    private ChainSession(ChainClient client, long chainId, String contract, Credentials credentials) {
        this.client = client;
        this.chainId = chainId;
        this.contract = contract;
        this.credentials = credentials;
    }

    /** Connects without a key or contract (verification reads the contract from the receipt). */
    static ChainSession readOnly(ChainConfig cfg) throws ChainException {
        String url = cfg.devNode() ? DevChain.ensureRunning(cfg.home()).rpcUrl() : cfg.rpcUrl();
        ChainClient client = ChainClient.connect(url);
        return new ChainSession(client, client.chainId(), null, null);
    }

    /** Connects with a key; {@code needContract} resolves and checks the registry address too. */
    static ChainSession open(ChainConfig cfg, boolean needContract) throws ChainException {
        if (cfg.devNode()) {
            Endpoint e = DevChain.ensureRunning(cfg.home());
            ChainClient client = ChainClient.connect(e.rpcUrl());
            String contract = cfg.contract() != null ? cfg.contract() : e.contract();
            return checked(new ChainSession(client, e.chainId(), contract, Signer.dev()), needContract);
        }
        Credentials credentials = Signer.of(cfg);
        ChainClient client = ChainClient.connect(cfg.rpcUrl());
        String contract = cfg.contract() != null ? cfg.contract() : System.getenv("REELTRACE_CONTRACT");
        return checked(new ChainSession(client, client.chainId(), contract, credentials), needContract);
    }

    private static ChainSession checked(ChainSession s, boolean needContract) throws ChainException {
        if (!needContract) {
            return s;
        }
        if (s.contract == null || s.contract.isBlank()) {
            s.close();
            throw new ChainException(USAGE, "no registry contract for " + s.client.url(),
                    "pass --contract ADDR (or env REELTRACE_CONTRACT), or deploy one with: reeltrace chain deploy --rpc URL", null);
        }
        if (!s.client.hasCode(s.contract)) {
            s.close();
            throw new ChainException(VERIFICATION_FAILED, "unknown contract: no code at " + s.contract + " on chain "
                    + s.chainId + " (" + s.client.url() + ")");
        }
        return s;
    }

    ChainClient client() {
        return client;
    }

    long chainId() {
        return chainId;
    }

    String contract() {
        return contract;
    }

    Credentials credentials() {
        return credentials;
    }

    @Override
    public void close() {
        client.close();
    }
}
