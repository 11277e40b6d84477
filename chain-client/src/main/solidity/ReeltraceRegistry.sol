// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title reeltrace registry: Merkle-root anchors and first-wins work ownership.
/// @notice Anchors are write-once: a root is recorded with the block time, block number and
///         sender of the first transaction that anchors it; later attempts revert, so a caller
///         should look the root up (anchorOf) before paying for a transaction.
contract ReeltraceRegistry {
    /// One storage slot: 48-bit time and block number are good for millions of years.
    struct Anchor {
        uint48 timestamp;
        uint48 blockNumber;
        address sender;
    }

    mapping(bytes32 => Anchor) private anchors;
    mapping(bytes32 => address) private owners;

    event Anchored(bytes32 indexed root, address indexed sender, uint256 timestamp, string uri);
    event WorkRegistered(bytes32 indexed work, address indexed owner);
    event WorkTransferred(bytes32 indexed work, address indexed from, address indexed to);

    error AlreadyAnchored(bytes32 root, uint256 timestamp);
    error WorkAlreadyRegistered(bytes32 work, address owner);
    error NotWorkOwner(bytes32 work, address caller);
    error ZeroAddress();

    /// Records `root` (a Merkle root of anchor-v1 leaves) with this block's time; `uri` is a
    /// free-form pointer to the batch (for example an IPFS CID), kept only in the event log.
    function anchor(bytes32 root, string calldata uri) external {
        Anchor storage existing = anchors[root];
        if (existing.timestamp != 0) {
            revert AlreadyAnchored(root, existing.timestamp);
        }
        anchors[root] = Anchor(uint48(block.timestamp), uint48(block.number), msg.sender);
        emit Anchored(root, msg.sender, block.timestamp, uri);
    }

    /// The anchor of `root`; all zero when it was never anchored.
    function anchorOf(bytes32 root) external view returns (uint256 timestamp, uint256 blockNumber, address sender) {
        Anchor storage a = anchors[root];
        return (a.timestamp, a.blockNumber, a.sender);
    }

    /// Claims the work with digest `work` for the sender; the first registration wins.
    function registerWork(bytes32 work) external {
        address current = owners[work];
        if (current != address(0)) {
            revert WorkAlreadyRegistered(work, current);
        }
        owners[work] = msg.sender;
        emit WorkRegistered(work, msg.sender);
    }

    /// Hands the work over to `to`; only its current owner may.
    function transferWork(bytes32 work, address to) external {
        if (owners[work] != msg.sender) {
            revert NotWorkOwner(work, msg.sender);
        }
        if (to == address(0)) {
            revert ZeroAddress();
        }
        owners[work] = to;
        emit WorkTransferred(work, msg.sender, to);
    }

    /// The owner of `work`, or the zero address when nobody registered it.
    function ownerOfWork(bytes32 work) external view returns (address) {
        return owners[work];
    }
}
