package org.reeltrace.cli.watermark;

import org.reeltrace.cli.NotImplementedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "detect", header = "Recover a payload from a suspect copy (blind, or informed with --reference).")
public final class WatermarkDetect implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SUSPECT", description = "video, PNG or JPEG")
    Path suspect;

    @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "watermark key file")
    Path key;

    @Option(names = "--reference", paramLabel = "ORIGINAL", description = "the unmarked original, for informed detection")
    Path reference;

    @Option(names = "--fail-on-found", description = "exit 1 when a payload is found")
    boolean failOnFound;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new NotImplementedException(spec.qualifiedName());
    }
}
