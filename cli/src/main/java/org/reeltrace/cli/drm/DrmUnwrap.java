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

@Command(name = "unwrap", header = "Decrypt a Common Encryption MP4 (cenc, cbcs, cens, cbc1).")
public final class DrmUnwrap implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN.mp4")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.mp4")
    Path output;

    @Option(names = "--keys", paramLabel = "KEYS", description = "file of KID:KEY lines (or env REELTRACE_KEYS)")
    Path keys;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new NotImplementedException(spec.qualifiedName());
    }
}
