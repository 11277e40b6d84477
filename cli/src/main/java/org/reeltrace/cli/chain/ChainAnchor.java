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

@Command(name = "anchor", header = "Anchor items in one transaction; writes one receipt per item.")
public final class ChainAnchor implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "ITEM", description = "files or reeltrace proof JSON")
    List<Path> items;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "directory for the receipts")
    Path outputDir;

    @Option(names = "--contract", paramLabel = "ADDR", description = "registry contract address")
    String contract;

    @Option(names = "--force", description = "anchor again items the journal knows as anchored")
    boolean force;

    @Mixin
    ChainOptions chain;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new NotImplementedException(spec.qualifiedName());
    }
}
