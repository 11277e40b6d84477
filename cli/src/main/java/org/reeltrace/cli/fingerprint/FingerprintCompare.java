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

@Command(name = "compare", header = "Find matching segments between two videos or .rtfp files.")
public final class FingerprintCompare implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "A", description = "video or .rtfp")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "video or .rtfp")
    Path b;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new NotImplementedException(spec.qualifiedName());
    }
}
