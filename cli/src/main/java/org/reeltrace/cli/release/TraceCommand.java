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

@Command(name = "trace", header = "Which work, where, whose copy: writes report.html and evidence.json.")
public final class TraceCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LEAK")
    Path leak;

    @Option(names = "--catalog", required = true, paramLabel = "DB", description = "SQLite file, or a jdbc: URL")
    String catalog;

    @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "watermark key file")
    Path key;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR")
    Path outputDir;

    @Option(names = "--anchor", description = "anchor the evidence bundle")
    boolean anchor;

    @Option(names = "--fail-on-found", description = "exit 1 when a recipient is identified")
    boolean failOnFound;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new NotImplementedException(spec.qualifiedName());
    }
}
