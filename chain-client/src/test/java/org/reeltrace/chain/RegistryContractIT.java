package org.reeltrace.chain;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reeltrace.chain.contract.ReeltraceRegistry;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.exceptions.ContractCallException;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry's rules, exercised on anvil through the web3j-generated wrapper. */
class RegistryContractIT {
    static final String KEY_1 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    static TestNode node;
    static ChainClient client;

    @BeforeAll
    static void up() throws Exception {
        node = TestNode.start();
        client = node.client();
    }

    @AfterAll
    static void down() throws Exception {
        if (client != null) {
            client.close();
        }
        if (node != null) {
            node.close();
        }
    }

    static ReeltraceRegistry as(Credentials who) {
        var manager = new RawTransactionManager(client.web3j(), who, node.endpoint.chainId(),
                new PollingTransactionReceiptProcessor(client.web3j(), 20, 500));
        // fixed gas, no estimation: a reverting call is still mined, as a careless client's would be
        var gas = new StaticEIP1559GasProvider(node.endpoint.chainId(), BigInteger.valueOf(10_000_000_000L),
                BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(200_000));
        return ReeltraceRegistry.load(node.endpoint.contract(), client.web3j(), manager, gas);
    }

    static byte[] h(String s) {
        return Keccak.hash(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Sends and returns the mined receipt whether or not the call reverted. */
    static TransactionReceipt mined(org.web3j.protocol.core.RemoteFunctionCall<TransactionReceipt> call) throws Exception {
        try {
            return call.send();
        } catch (org.web3j.protocol.exceptions.TransactionException e) {
            return e.getTransactionReceipt().orElseThrow();
        }
    }

    @Test
    void anchorRecordsTimeSenderAndBlockAndEmitsAnIndexedEvent() throws Exception {
        Credentials a = Signer.dev();
        byte[] root = h("root-1");
        TransactionReceipt r = mined(as(a).anchor(root, "ipfs://x"));
        assertTrue(r.isStatusOK());
        var onChain = client.anchorOf(node.endpoint.contract(), root).orElseThrow();
        long blockTime = client.block(r.getBlockNumber().longValueExact()).getTimestamp().longValueExact();
        assertEquals(blockTime, onChain.timestamp());
        assertEquals(r.getBlockNumber().longValueExact(), onChain.blockNumber());
        assertEquals(a.getAddress(), onChain.sender().toLowerCase());
        List<ReeltraceRegistry.AnchoredEventResponse> events = ReeltraceRegistry.getAnchoredEvents(r);
        assertEquals(1, events.size());
        assertEquals("ipfs://x", events.getFirst().uri);
        assertEquals(Hex.of(root), Hex.of(events.getFirst().root));
        assertTrue(client.anchoredLog(node.endpoint.contract(), root, onChain.blockNumber()).isPresent(), "root is an indexed topic");
    }

    @Test
    void aSecondAnchorOfTheSameRootReverts() throws Exception {
        byte[] root = h("root-dup");
        assertTrue(mined(as(Signer.dev()).anchor(root, "")).isStatusOK());
        var first = client.anchorOf(node.endpoint.contract(), root).orElseThrow();
        TransactionReceipt again = mined(as(Credentials.create(KEY_1)).anchor(root, "later"));
        assertFalse(again.isStatusOK(), "duplicate must revert");
        assertEquals(first, client.anchorOf(node.endpoint.contract(), root).orElseThrow(), "the first anchor stands");
    }

    @Test
    void anUnknownRootHasNoAnchor() throws Exception {
        assertTrue(client.anchorOf(node.endpoint.contract(), h("never")).isEmpty());
    }

    @Test
    void theFirstRegistrationOfAWorkWinsAndOnlyItsOwnerTransfers() throws Exception {
        Credentials a = Signer.dev();
        Credentials b = Credentials.create(KEY_1);
        byte[] work = h("work-1");
        assertEquals("0x0000000000000000000000000000000000000000", as(a).ownerOfWork(work).send());
        assertTrue(mined(as(a).registerWork(work)).isStatusOK());
        assertFalse(mined(as(b).registerWork(work)).isStatusOK(), "second registration reverts");
        assertEquals(a.getAddress(), as(a).ownerOfWork(work).send().toLowerCase());

        assertFalse(mined(as(b).transferWork(work, b.getAddress())).isStatusOK(), "a stranger cannot transfer");
        assertFalse(mined(as(a).transferWork(work, "0x0000000000000000000000000000000000000000")).isStatusOK(), "no transfer to zero");
        TransactionReceipt t = mined(as(a).transferWork(work, b.getAddress()));
        assertTrue(t.isStatusOK());
        assertEquals(b.getAddress(), as(a).ownerOfWork(work).send().toLowerCase());
        var ev = ReeltraceRegistry.getWorkTransferredEvents(t).getFirst();
        assertEquals(a.getAddress(), ev.from.toLowerCase());
        assertEquals(b.getAddress(), ev.to.toLowerCase());
        assertFalse(mined(as(a).transferWork(work, a.getAddress())).isStatusOK(), "the old owner lost the right");
    }

    @Test
    void viewsOfTheWrapperWork() throws Exception {
        try {
            as(Signer.dev()).anchorOf(h("nothing")).send();
        } catch (ContractCallException e) {
            throw new AssertionError("anchorOf view failed", e);
        }
    }
}
