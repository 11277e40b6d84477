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

@Command(name = "verify", header = "Check a receipt: Merkle path, the file hash if given, and the root on chain.")
public final class ChainVerify implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RECEIPT")
    Path receipt;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "the anchored file")
    Path file;

    @Mixin
    ChainOptions chain;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new NotImplementedException(spec.qualifiedName());
    }
}
