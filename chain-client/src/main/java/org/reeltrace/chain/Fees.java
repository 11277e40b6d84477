package org.reeltrace.chain;

import java.math.BigInteger;

/** EIP-1559 fees: tip from the node, cap at twice the latest base fee plus the tip. */
record Fees(BigInteger maxFee, BigInteger priorityFee) {

    static Fees current(ChainClient client) throws ChainException {
        BigInteger tip = client.maxPriorityFee();
        BigInteger base = client.latestBlock().getBaseFeePerGas();
        if (base == null) {
            base = BigInteger.ZERO;
        }
        return new Fees(base.shiftLeft(1).add(tip), tip);
    }

    /** At least 12.5% more of both, as nodes demand to replace a pending transaction. */
    Fees bumped(Fees now) {
        BigInteger tip = priorityFee.multiply(BigInteger.valueOf(9)).divide(BigInteger.valueOf(8)).add(BigInteger.ONE).max(now.priorityFee);
        BigInteger cap = maxFee.multiply(BigInteger.valueOf(9)).divide(BigInteger.valueOf(8)).add(BigInteger.ONE).max(now.maxFee);
        return new Fees(cap, tip);
    }
}
