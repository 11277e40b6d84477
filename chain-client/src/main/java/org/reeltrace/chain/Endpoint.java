package org.reeltrace.chain;

/** A chain reeltrace can use: its JSON-RPC URL, chain id, and the registry contract (null if none yet). */
public record Endpoint(String rpcUrl, long chainId, String contract) {
}
