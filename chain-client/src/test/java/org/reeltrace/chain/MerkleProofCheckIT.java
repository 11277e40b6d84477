package org.reeltrace.chain;

import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** anchor-v1 proofs checked on chain by OpenZeppelin's MerkleProof with the anchor-v1 node hash. */
class MerkleProofCheckIT {

    @Test
    void openZeppelinMerkleProofAcceptsAnchorV1ProofsAndRejectsTamperedOnes() throws Exception {
        String bin = new String(Objects.requireNonNull(getClass().getResourceAsStream("/MerkleProofCheck.bin")).readAllBytes(),
                StandardCharsets.US_ASCII).strip();
        try (TestNode node = TestNode.start(); ChainClient c = node.client()) {
            String checker = ChainBench.deploy(c, Signer.dev(), bin);
            JsonNode v = AnchorVectorsTest.vectors();
            List<byte[]> leaves = new ArrayList<>();
            v.get("items").forEach(it -> leaves.add(Hex.parse32(it.get("leaf").asString())));
            int checked = 0;
            for (JsonNode b : v.get("batches")) {
                int n = b.get("leaves").asInt();
                byte[] root = Hex.parse32(b.get("root").asString());
                for (int i = 0; i < n; i++) {
                    List<Bytes32> proof = new ArrayList<>();
                    b.get("proofs").get(i).forEach(p -> proof.add(new Bytes32(Hex.parse32(p.asString()))));
                    assertEquals(true, verify(c, checker, proof, root, leaves.get(i)), n + " leaves, index " + i);
                    checked++;
                }
                if (n > 1) {
                    byte[] wrongLeaf = leaves.get(n); // a leaf outside the batch
                    List<Bytes32> proof = new ArrayList<>();
                    b.get("proofs").get(0).forEach(p -> proof.add(new Bytes32(Hex.parse32(p.asString()))));
                    assertEquals(false, verify(c, checker, proof, root, wrongLeaf));
                }
            }
            assertEquals(1 + 2 + 3 + 4 + 5 + 6 + 7 + 33, checked);
        }
    }

    static boolean verify(ChainClient c, String checker, List<Bytes32> proof, byte[] root, byte[] leaf) throws Exception {
        Function f = new Function("verify", List.of(new DynamicArray<>(Bytes32.class, proof), new Bytes32(root), new Bytes32(leaf)),
                List.of(new TypeReference<Bool>() { }));
        String out = c.web3j().ethCall(Transaction.createEthCallTransaction(null, checker, FunctionEncoder.encode(f)),
                DefaultBlockParameterName.LATEST).send().getValue();
        return (Boolean) FunctionReturnDecoder.decode(out, f.getOutputParameters()).getFirst().getValue();
    }
}
