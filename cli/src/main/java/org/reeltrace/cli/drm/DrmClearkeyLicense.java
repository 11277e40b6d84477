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

@Command(name = "clearkey-license", header = "Print the W3C ClearKey licence JSON for a player.")
public final class DrmClearkeyLicense implements Callable<Integer> {

    @Option(names = "--keys", paramLabel = "KEYS", description = "file of KID:KEY lines (or env REELTRACE_KEYS)")
    Path keys;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new NotImplementedException(spec.qualifiedName());
    }
}
