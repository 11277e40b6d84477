package org.reeltrace.cli.chain;

import org.reeltrace.chain.ChainException;
import org.reeltrace.chain.ChainHome;
import org.reeltrace.chain.DevChain;
import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "stop", header = "Stop the dev node, saving its state.")
public final class ChainDevStop implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws ChainException {
        Console console = Console.of(spec);
        boolean stopped = DevChain.stop(ChainHome.dir());
        console.result(stopped ? "dev node stopped; its state is kept" : "dev node was not running");
        console.json(Map.of("stopped", stopped));
        return ExitCodes.OK;
    }
}
