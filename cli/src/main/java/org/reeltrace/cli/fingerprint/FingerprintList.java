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

@Command(name = "list", header = "List the works in a catalog.")
public final class FingerprintList implements Callable<Integer> {

    @Option(names = "--catalog", required = true, paramLabel = "DB", description = "SQLite file, or a jdbc: URL")
    String catalog;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new NotImplementedException(spec.qualifiedName());
    }
}
