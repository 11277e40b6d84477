package org.reeltrace.cli.chain;

import org.reeltrace.chain.Endpoint;
import org.reeltrace.cli.Console;

/** The dev node's status, for people and as {"running":..,"rpc":..,"chainId":..,"contract":..}. */
record DevStatusJson(boolean running, String rpc, Long chainId, String contract) {

    static void print(Console console, Endpoint e) {
        if (e == null) {
            console.result("dev node: not running");
            console.json(new DevStatusJson(false, null, null, null));
            return;
        }
        console.result("dev node: running at " + e.rpcUrl() + " (chain id " + e.chainId() + ")");
        console.result("registry: " + (e.contract() == null ? "not deployed yet (deployed on first use)" : e.contract()));
        console.json(new DevStatusJson(true, e.rpcUrl(), e.chainId(), e.contract()));
    }
}
