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

@Command(name = "match", header = "Find which catalogued works a suspect file contains, and where.")
public final class FingerprintMatch implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SUSPECT", description = "video or .rtfp")
    Path suspect;

    @Option(names = "--catalog", required = true, paramLabel = "DB", description = "SQLite file, or a jdbc: URL")
    String catalog;

    @Option(names = "--fail-on-match", description = "exit 1 when anything matches")
    boolean failOnMatch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new NotImplementedException(spec.qualifiedName());
    }
}
