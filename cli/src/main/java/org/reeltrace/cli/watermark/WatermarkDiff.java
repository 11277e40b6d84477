package org.reeltrace.cli.watermark;

import org.reeltrace.cli.NotImplementedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "diff", header = "Write a side-by-side still and an amplified difference image.")
public final class WatermarkDiff implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ORIGINAL")
    Path original;

    @Parameters(index = "1", paramLabel = "MARKED")
    Path marked;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PNG", description = "PNG to write")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new NotImplementedException(spec.qualifiedName());
    }
}
