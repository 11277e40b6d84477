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

@Command(name = "demo", header = "The whole story on a generated clip: release, leak, trace, anchor.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "workspace (default: a new temporary directory)")
    Path workspace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new NotImplementedException(spec.qualifiedName());
    }
}
