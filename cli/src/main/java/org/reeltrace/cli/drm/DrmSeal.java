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

@Command(name = "seal", header = "Seal a file to recipients under a licence signed by the issuer.")
public final class DrmSeal implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.rtseal")
    Path output;

    @Option(names = "--recipient", required = true, arity = "1..*", paramLabel = "PUB", description = "recipient public key (text) or a file holding one")
    List<String> recipients;

    @Option(names = "--issuer-key", required = true, paramLabel = "KEYFILE", description = "issuer private key file")
    Path issuerKey;

    @Option(names = "--not-before", paramLabel = "T", description = "ISO-8601 instant")
    String notBefore;

    @Option(names = "--not-after", paramLabel = "T", description = "ISO-8601 instant")
    String notAfter;

    @Option(names = "--payload", paramLabel = "N", description = "watermark payload recorded in the licence")
    String payload;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new NotImplementedException(spec.qualifiedName());
    }
}
