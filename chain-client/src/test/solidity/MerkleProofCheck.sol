// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// Test-only: checks anchor-v1 receipts on chain with OpenZeppelin's MerkleProof and the
/// anchor-v1 node hash (docs/spec/anchor-v1.md, section 3).
contract MerkleProofCheck {
    function anchorV1Node(bytes32 a, bytes32 b) internal pure returns (bytes32) {
        return a < b ? keccak256(abi.encodePacked(bytes1(0x01), a, b)) : keccak256(abi.encodePacked(bytes1(0x01), b, a));
    }

    function verify(bytes32[] memory proof, bytes32 root, bytes32 leaf) external view returns (bool) {
        return MerkleProof.verify(proof, root, leaf, anchorV1Node);
    }
}
