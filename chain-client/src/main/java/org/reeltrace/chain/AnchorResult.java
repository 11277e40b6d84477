package org.reeltrace.chain;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of {@link Anchorer#anchor}: the transaction that anchored the root of the new
 * items (or, when every item was already anchored, the anchor of the first item's receipt) and
 * one receipt file per item, in the order the items were given.
 *
 * @param newTransaction  whether this run anchored anything (false: all items were known)
 * @param alreadyAnchored how many items the journal already knew as anchored
 */
public record AnchorResult(String txHash, long blockNumber, String root, List<Path> receipts, boolean newTransaction,
                           int alreadyAnchored) {
}
