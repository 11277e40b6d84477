package org.reeltrace.chain;

import org.reeltrace.chain.contract.ReeltraceRegistry;
import org.web3j.crypto.Credentials;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

import java.math.BigInteger;
import java.time.Duration;

import static org.reeltrace.chain.ChainException.Kind.ENVIRONMENT;

/** Deploys the registry through the web3j-generated wrapper, polling fast for the receipt. */
public final class Deployer {
    private Deployer() {
    }

    /** Deploys a registry on the chain of {@code cfg}; returns its address. */
    public static Endpoint deploy(ChainConfig cfg) throws ChainException {
        try (ChainSession s = ChainSession.open(cfg, false)) {
            String address = deploy(s.client(), s.chainId(), s.credentials(), cfg.pollInterval(), cfg.timeout());
            return new Endpoint(s.client().url(), s.chainId(), address);
        }
    }

    static String deploy(ChainClient client, long chainId, Credentials credentials, Duration poll, Duration timeout) throws ChainException {
        Fees fees = Fees.current(client);
        BigInteger gas = client.estimateGas(credentials.getAddress(), null, ReeltraceRegistry.BINARY);
        gas = gas.multiply(BigInteger.valueOf(12)).divide(BigInteger.TEN);
        int attempts = (int) Math.max(1, timeout.toMillis() / Math.max(1, poll.toMillis()));
        var manager = new RawTransactionManager(client.web3j(), credentials, chainId,
                new PollingTransactionReceiptProcessor(client.web3j(), poll.toMillis(), attempts));
        try {
            ReeltraceRegistry r = ReeltraceRegistry.deploy(client.web3j(), manager,
                    new StaticEIP1559GasProvider(chainId, fees.maxFee(), fees.priorityFee(), gas)).send();
            return r.getContractAddress();
        } catch (Exception e) {
            throw new ChainException(ENVIRONMENT, "deploying the registry on " + client.url() + " failed: " + e.getMessage(), e);
        }
    }
}
