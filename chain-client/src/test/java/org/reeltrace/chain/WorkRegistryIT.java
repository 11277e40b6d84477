package org.reeltrace.chain;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library's work-ownership calls on anvil: first registration wins, reads before paying, owner transfers. */
class WorkRegistryIT {
    @Test
    void firstRegistrationWinsAndTheOwnerTransfers() throws Exception {
        try (TestNode node = TestNode.start()) {
            ChainConfig cfg = node.config();
            byte[] work = Keccak.hash(("work " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
            String me = Signer.dev().getAddress();
            assertTrue(WorkRegistry.ownerOf(work, cfg).isEmpty());
            assertEquals(me, WorkRegistry.register(work, cfg));
            long nonce = node.nonce(me);
            assertEquals(me, WorkRegistry.register(work, cfg), "registered already: no second transaction");
            assertEquals(nonce, node.nonce(me));

            String other = Credentials.create(RegistryContractIT.KEY_1).getAddress();
            WorkRegistry.transfer(work, other, cfg);
            assertEquals(other, WorkRegistry.ownerOf(work, cfg).orElseThrow());
            ChainException e = assertThrows(ChainException.class, () -> WorkRegistry.transfer(work, me, cfg));
            assertEquals(ChainException.Kind.VERIFICATION_FAILED, e.kind());
            assertEquals(other, WorkRegistry.register(work, cfg), "the earlier owner stands");
        }
    }
}
