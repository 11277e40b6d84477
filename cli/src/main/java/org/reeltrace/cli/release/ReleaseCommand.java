package org.reeltrace.cli.release;

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

@Command(name = "release", header = "Fingerprint, catalog and watermark one copy per recipient; optionally seal and anchor.")
public final class ReleaseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "VIDEO")
    Path video;

    @Option(names = "--recipients", required = true, paramLabel = "CSV", description = "name,publicKey? per line")
    Path recipients;

    @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "watermark key file")
    Path key;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR")
    Path outputDir;

    @Option(names = "--catalog", paramLabel = "DB", description = "SQLite file, or a jdbc: URL")
    String catalog;

    @Option(names = "--seal", description = "seal each copy to its recipient")
    boolean seal;

    @Option(names = "--issuer-key", paramLabel = "K", description = "issuer private key file (with --seal)")
    Path issuerKey;

    @Option(names = "--anchor", description = "anchor everything in one transaction")
    boolean anchor;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new NotImplementedException(spec.qualifiedName());
    }
}
