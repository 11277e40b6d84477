package org.reeltrace.chain;

import org.reeltrace.chain.contract.ReeltraceRegistry;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

import static org.reeltrace.chain.ChainException.Kind.ENVIRONMENT;
import static org.reeltrace.chain.ChainException.Kind.VERIFICATION_FAILED;

/**
 * The registry's work-ownership record (the on-chain copyright claim): the first registration of
 * a work's digest wins; its owner may transfer it. Reads before writing, so a taken work costs no
 * transaction.
 */
public final class WorkRegistry {
    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    private WorkRegistry() {
    }

    /** The owner of {@code work} (a 32-byte digest), if anyone registered it. */
    public static Optional<String> ownerOf(byte[] work, ChainConfig cfg) throws ChainException {
        try (ChainSession s = ChainSession.open(cfg, true)) {
            return owner(s, work);
        }
    }

    /**
     * Registers {@code work} for the signing key. Returns the owner afterwards: the signer's
     * address, or the earlier owner's when the work was taken (then nothing is sent).
     */
    public static String register(byte[] work, ChainConfig cfg) throws ChainException {
        try (ChainSession s = ChainSession.open(cfg, true)) {
            Optional<String> owner = owner(s, work);
            if (owner.isPresent()) {
                return owner.get();
            }
            send(s, cfg, registry(s, cfg).registerWork(work), "registerWork");
            return owner(s, work).orElseThrow(() -> new ChainException(VERIFICATION_FAILED, "work " + Hex.of(work) + " is not registered after registerWork"));
        }
    }

    /** Transfers {@code work} from the signing key to {@code to}; VERIFICATION_FAILED if the key does not own it. */
    public static void transfer(byte[] work, String to, ChainConfig cfg) throws ChainException {
        try (ChainSession s = ChainSession.open(cfg, true)) {
            String me = s.credentials().getAddress().toLowerCase(Locale.ROOT);
            Optional<String> owner = owner(s, work);
            if (owner.isEmpty() || !owner.get().equals(me)) {
                throw new ChainException(VERIFICATION_FAILED, "work " + Hex.of(work) + " is owned by "
                        + owner.orElse("nobody") + ", not by the signing key " + me);
            }
            send(s, cfg, registry(s, cfg).transferWork(work, to), "transferWork");
        }
    }

    private static Optional<String> owner(ChainSession s, byte[] work) throws ChainException {
        try {
            String o = ReeltraceRegistry.load(s.contract(), s.client().web3j(),
                    new org.web3j.tx.ReadonlyTransactionManager(s.client().web3j(), ZERO), new org.web3j.tx.gas.DefaultGasProvider())
                    .ownerOfWork(work).send().toLowerCase(Locale.ROOT);
            return ZERO.equals(o) ? Optional.empty() : Optional.of(o);
        } catch (Exception e) {
            throw new ChainException(ENVIRONMENT, "cannot read the owner of work " + Hex.of(work) + " on " + s.client().url()
                    + ": " + e.getMessage(), e);
        }
    }

    private static ReeltraceRegistry registry(ChainSession s, ChainConfig cfg) throws ChainException {
        Fees fees = Fees.current(s.client());
        int attempts = (int) Math.max(1, cfg.timeout().toMillis() / Math.max(1, cfg.pollInterval().toMillis()));
        var manager = new RawTransactionManager(s.client().web3j(), s.credentials(), s.chainId(),
                new PollingTransactionReceiptProcessor(s.client().web3j(), cfg.pollInterval().toMillis(), attempts));
        return ReeltraceRegistry.load(s.contract(), s.client().web3j(), manager,
                new StaticEIP1559GasProvider(s.chainId(), fees.maxFee(), fees.priorityFee(), BigInteger.valueOf(120_000)));
    }

    private static void send(ChainSession s, ChainConfig cfg, org.web3j.protocol.core.RemoteFunctionCall<TransactionReceipt> call,
                             String what) throws ChainException {
        try {
            TransactionReceipt r = call.send();
            if (!r.isStatusOK()) {
                throw new ChainException(VERIFICATION_FAILED, what + " reverted in transaction " + r.getTransactionHash());
            }
        } catch (ChainException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainException(ENVIRONMENT, what + " failed on " + s.client().url() + ": " + e.getMessage(), e);
        }
    }
}
