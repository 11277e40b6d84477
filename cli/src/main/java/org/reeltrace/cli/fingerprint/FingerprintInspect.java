package org.reeltrace.cli.fingerprint;

import org.reeltrace.cli.NotImplementedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "inspect", header = "Show the header and summary of a .rtfp file.")
public final class FingerprintInspect implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = ".rtfp file")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new NotImplementedException(spec.qualifiedName());
    }
}
