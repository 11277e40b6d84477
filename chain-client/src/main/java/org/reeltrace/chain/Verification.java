package org.reeltrace.chain;

import java.util.List;

/**
 * What checking a receipt established. {@code valid} is true only when every check that was
 * made passed; {@code chainChecked} says whether the root was looked up on chain at all.
 *
 * @param blockNumber block of the anchor (from the chain when checked, else from the receipt)
 * @param blockTime   ISO-8601 UTC time of that block (from the chain when checked, else the receipt's)
 * @param checked     the checks made, in words
 * @param notChecked  what could not be checked, and why
 */
public record Verification(boolean valid, String root, long blockNumber, String blockTime, boolean fileChecked,
                           boolean merkleChecked, boolean chainChecked, List<String> checked, List<String> notChecked) {
}
