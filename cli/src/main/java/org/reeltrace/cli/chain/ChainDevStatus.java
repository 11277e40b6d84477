package org.reeltrace.cli.chain;

import org.reeltrace.chain.ChainException;
import org.reeltrace.chain.ChainHome;
import org.reeltrace.chain.DevChain;
import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "status", header = "Show whether the dev node runs, its URL and contract.")
public final class ChainDevStatus implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws ChainException {
        DevStatusJson.print(Console.of(spec), DevChain.status(ChainHome.dir()).orElse(null));
        return ExitCodes.OK;
    }
}
