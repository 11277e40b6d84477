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

@Command(name = "add", header = "Register works in a catalog.")
public final class FingerprintAdd implements Callable<Integer> {

    @Option(names = "--catalog", required = true, paramLabel = "DB", description = "SQLite file, or a jdbc: URL")
    String catalog;

    @Parameters(arity = "1..*", paramLabel = "ITEM", description = "videos or .rtfp files")
    List<Path> items;

    @Option(names = "--title", paramLabel = "T", description = "title of the work")
    String title;

    @Option(names = "--work-id", paramLabel = "ID", description = "identifier of the work")
    String workId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new NotImplementedException(spec.qualifiedName());
    }
}
