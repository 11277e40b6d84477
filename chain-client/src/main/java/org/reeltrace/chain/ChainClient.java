package org.reeltrace.chain;

import org.reeltrace.chain.contract.ReeltraceRegistry;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import static org.reeltrace.chain.ChainException.Kind.ENVIRONMENT;

/**
 * The JSON-RPC calls reeltrace makes, each retried with backoff on transport errors; a node that
 * stays unreachable is an ENVIRONMENT error naming its URL.
 */
public final class ChainClient implements AutoCloseable {
    private static final int ATTEMPTS = 5;

    private final String url;
    private final Web3j web3j;
    private final int attempts;

    private ChainClient(String url, Web3j web3j, int attempts) {
        this.url = url;
        this.web3j = web3j;
        this.attempts = attempts;
    }

    public static ChainClient connect(String url) {
        return new ChainClient(url, Web3j.build(new HttpService(url)), ATTEMPTS);
    }

    /** A client that tries each call once (status probes). */
    static ChainClient probe(String url) {
        return new ChainClient(url, Web3j.build(new HttpService(url)), 1);
    }

    public String url() {
        return url;
    }

    public Web3j web3j() {
        return web3j;
    }

    public long chainId() throws ChainException {
        return call("eth_chainId", web3j.ethChainId()).getChainId().longValueExact();
    }

    public long blockNumber() throws ChainException {
        return call("eth_blockNumber", web3j.ethBlockNumber()).getBlockNumber().longValueExact();
    }

    /** True when there is contract code at {@code address}. */
    public boolean hasCode(String address) throws ChainException {
        String code = call("eth_getCode", web3j.ethGetCode(address, DefaultBlockParameterName.LATEST)).getCode();
        return code != null && code.length() > 2;
    }

    /** The anchor of {@code root} in the registry at {@code contract}, if it was anchored. */
    public Optional<OnChainAnchor> anchorOf(String contract, byte[] root) throws ChainException {
        Function f = new Function(ReeltraceRegistry.FUNC_ANCHOROF, List.of(new Bytes32(root)),
                List.of(new TypeReference<Uint256>() { }, new TypeReference<Uint256>() { }, new TypeReference<Address>() { }));
        String data = FunctionEncoder.encode(f);
        var resp = call("eth_call", web3j.ethCall(Transaction.createEthCallTransaction(null, contract, data),
                DefaultBlockParameterName.LATEST));
        @SuppressWarnings("rawtypes")
        List<Type> out = FunctionReturnDecoder.decode(resp.getValue(), f.getOutputParameters());
        if (out.size() != 3) {
            throw new ChainException(ChainException.Kind.VERIFICATION_FAILED,
                    "contract " + contract + " on " + url + " does not answer anchorOf: not a reeltrace registry");
        }
        long time = ((BigInteger) out.get(0).getValue()).longValueExact();
        if (time == 0) {
            return Optional.empty();
        }
        return Optional.of(new OnChainAnchor(time, ((BigInteger) out.get(1).getValue()).longValueExact(),
                out.get(2).getValue().toString()));
    }

    /** The Anchored event of {@code root} in block {@code block}, if the node has it. */
    public Optional<Log> anchoredLog(String contract, byte[] root, long block) throws ChainException {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(block)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(block)), contract);
        filter.addSingleTopic(org.web3j.abi.EventEncoder.encode(ReeltraceRegistry.ANCHORED_EVENT));
        filter.addSingleTopic(Hex.of(root));
        EthLog logs = call("eth_getLogs", web3j.ethGetLogs(filter));
        for (EthLog.LogResult<?> r : logs.getLogs()) {
            if (r.get() instanceof Log log && !log.isRemoved()) {
                return Optional.of(log);
            }
        }
        return Optional.empty();
    }

    public EthBlock.Block block(long number) throws ChainException {
        EthBlock.Block b = call("eth_getBlockByNumber",
                web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)).getBlock();
        if (b == null) {
            throw new ChainException(ChainException.Kind.VERIFICATION_FAILED, "block " + number + " is not on the chain at " + url);
        }
        return b;
    }

    public EthBlock.Block latestBlock() throws ChainException {
        return call("eth_getBlockByNumber", web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)).getBlock();
    }

    public Optional<TransactionReceipt> receipt(String txHash) throws ChainException {
        return call("eth_getTransactionReceipt", web3j.ethGetTransactionReceipt(txHash)).getTransactionReceipt();
    }

    /** True when the node knows the transaction (pending or mined). */
    public boolean knowsTransaction(String txHash) throws ChainException {
        return call("eth_getTransactionByHash", web3j.ethGetTransactionByHash(txHash)).getTransaction().isPresent();
    }

    public BigInteger nonce(String address, DefaultBlockParameterName at) throws ChainException {
        return call("eth_getTransactionCount", web3j.ethGetTransactionCount(address, at)).getTransactionCount();
    }

    public BigInteger estimateGas(String from, String to, String data) throws ChainException {
        return call("eth_estimateGas", web3j.ethEstimateGas(Transaction.createEthCallTransaction(from, to, data))).getAmountUsed();
    }

    public BigInteger maxPriorityFee() throws ChainException {
        try {
            return call("eth_maxPriorityFeePerGas", web3j.ethMaxPriorityFeePerGas()).getMaxPriorityFeePerGas();
        } catch (ChainException e) {
            if (e.kind() == ENVIRONMENT) {
                throw e;
            }
            return BigInteger.valueOf(1_000_000_000L); // nodes without the method: 1 gwei
        }
    }

    /** Sends a signed transaction; "already known" answers count as sent. */
    public void sendRaw(String signedHex) throws ChainException {
        try {
            call("eth_sendRawTransaction", web3j.ethSendRawTransaction(signedHex));
        } catch (ChainException e) {
            String m = e.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (e.kind() == ENVIRONMENT || !(m.contains("already known") || m.contains("already imported"))) {
                throw e;
            }
        }
    }

    /** Sends a JSON-RPC request, retrying transport failures with backoff (100 ms doubling). */
    <T extends Response<?>> T call(String method, Request<?, T> request) throws ChainException {
        IOException last = null;
        long backoff = 100;
        for (int attempt = 0; attempt < attempts; attempt++) {
            try {
                T r = request.send();
                if (r.hasError()) {
                    throw new ChainException(ChainException.Kind.VERIFICATION_FAILED,
                            method + " failed on " + url + ": " + r.getError().getMessage());
                }
                return r;
            } catch (IOException e) {
                last = e;
                if (attempt + 1 < attempts) {
                    sleep(backoff);
                    backoff *= 2;
                }
            }
        }
        throw new ChainException(ENVIRONMENT, "chain node unreachable at " + url + ": " + last.getMessage(),
                "check the URL (--rpc, REELTRACE_RPC) or start the dev node with: reeltrace chain dev start", last);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        web3j.shutdown();
    }

    /** A root's record in the registry. */
    public record OnChainAnchor(long timestamp, long blockNumber, String sender) {
    }
}
