package org.reeltrace.cli.chain;

import org.reeltrace.chain.ChainException;
import org.reeltrace.chain.ChainHome;
import org.reeltrace.chain.DevChain;
import org.reeltrace.chain.Endpoint;
import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "start", header = "Start the dev node (installs anvil on first use).")
public final class ChainDevStart implements Callable<Integer> {

    @Option(names = "--state", paramLabel = "FILE", description = "chain state file kept between runs (default: the reeltrace home's dev/state.json)")
    Path state;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws ChainException {
        Console console = Console.of(spec);
        Endpoint e = DevChain.ensureRunning(ChainHome.dir(), state);
        DevStatusJson.print(console, e);
        return ExitCodes.OK;
    }
}
