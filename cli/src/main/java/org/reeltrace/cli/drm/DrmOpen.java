package org.reeltrace.cli.drm;

import org.reeltrace.cli.NotImplementedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "open", header = "Verify the licence of a sealed file and decrypt it.")
public final class DrmOpen implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.rtseal")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT")
    Path output;

    @Option(names = "--identity", required = true, paramLabel = "KEYFILE", description = "recipient private key file")
    Path identity;

    @Option(names = "--issuer", paramLabel = "PUB", description = "issuer public key the licence must be signed by")
    String issuer;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new NotImplementedException(spec.qualifiedName());
    }
}
