package org.reeltrace.chain;

import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A dev node of its own for one test class, in a temporary reeltrace home. There is no skip: a
 * machine without anvil (and without npm to install it) fails these tests, as CI must.
 */
final class TestNode implements AutoCloseable {
    final Path home;
    final Endpoint endpoint;

    private TestNode(Path home, Endpoint endpoint) {
        this.home = home;
        this.endpoint = endpoint;
    }

    static TestNode start() throws Exception {
        Path home = Files.createTempDirectory("reeltrace-chain-it");
        try {
            return new TestNode(home, DevChain.ensureRunning(home));
        } catch (Exception | Error e) {
            DevChain.stop(home); // a node that started but failed later must not outlive the test
            throw e;
        }
    }

    ChainConfig config() {
        return ChainConfig.dev().withHome(home).withPollInterval(Duration.ofMillis(20)).withTimeout(Duration.ofSeconds(20));
    }

    ChainClient client() {
        try {
            return ChainClient.connect(DevChain.status(home).map(Endpoint::rpcUrl).orElse(endpoint.rpcUrl()));
        } catch (ChainException e) {
            return ChainClient.connect(endpoint.rpcUrl());
        }
    }

    /** An anvil/hardhat RPC (evm_mine, evm_setAutomine, evm_snapshot, ...), its result as text. */
    String rpc(String method, Object... params) throws IOException, ChainException {
        HttpService http = new HttpService(DevChain.status(home).orElseThrow().rpcUrl());
        Response<?> r = new Request<>(method, List.of(params), http, RawResponse.class).send();
        if (r.hasError()) {
            throw new IOException(method + ": " + r.getError().getMessage());
        }
        return String.valueOf(r.getResult());
    }

    public static final class RawResponse extends Response<Object> {
    }

    long nonce(String address) throws ChainException {
        try (ChainClient c = client()) {
            return c.nonce(address, org.web3j.protocol.core.DefaultBlockParameterName.LATEST).longValueExact();
        }
    }

    @Override
    public void close() throws Exception {
        DevChain.stop(home);
        try (Stream<Path> s = Files.walk(home)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
