package org.reeltrace.cli.chain;

import org.reeltrace.cli.NotImplementedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "start", header = "Start the dev node (installs anvil on first use).")
public final class ChainDevStart implements Callable<Integer> {

    @Option(names = "--state", paramLabel = "FILE", description = "chain state file kept between runs")
    Path state;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new NotImplementedException(spec.qualifiedName());
    }
}
