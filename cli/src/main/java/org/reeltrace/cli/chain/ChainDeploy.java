package org.reeltrace.cli.chain;

import org.reeltrace.chain.ChainException;
import org.reeltrace.chain.Deployer;
import org.reeltrace.chain.Endpoint;
import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "deploy", header = "Deploy the registry contract; prints its address.")
public final class ChainDeploy implements Callable<Integer> {

    @Mixin
    ChainOptions chain;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws ChainException {
        Console console = Console.of(spec);
        Endpoint e = Deployer.deploy(chain.config(null));
        console.result(e.contract());
        console.info("registry deployed on chain " + e.chainId() + " at " + e.rpcUrl() + "; pass --contract " + e.contract()
                + " (or env REELTRACE_CONTRACT) to chain anchor");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("contract", e.contract());
        json.put("chainId", e.chainId());
        json.put("rpc", e.rpcUrl());
        console.json(json);
        return ExitCodes.OK;
    }
}
