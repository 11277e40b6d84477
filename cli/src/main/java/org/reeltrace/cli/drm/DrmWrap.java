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

@Command(name = "wrap", header = "Encrypt an MP4 with ISO/IEC 23001-7 Common Encryption.")
public final class DrmWrap implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN.mp4")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.mp4")
    Path output;

    @Option(names = "--scheme", defaultValue = "cenc", paramLabel = "SCHEME", description = "cenc or cbcs (default: ${DEFAULT-VALUE})")
    CencScheme scheme;

    @Option(names = "--keys", paramLabel = "KEYS", description = "file of KID:KEY lines (or env REELTRACE_KEYS)")
    Path keys;

    @Option(names = "--fragment", description = "write fragmented MP4 (for MSE players)")
    boolean fragment;

    @Option(names = "--mpd", description = "write a DASH manifest beside the output (implies --fragment)")
    boolean mpd;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new NotImplementedException(spec.qualifiedName());
    }
}
