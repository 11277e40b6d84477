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

@Command(name = "embed", header = "Embed a 64-bit payload in a video or still image.")
public final class WatermarkEmbed implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "video, PNG or JPEG")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "watermarked output")
    Path output;

    @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "watermark key file")
    Path key;

    @Option(names = "--payload", required = true, paramLabel = "N", description = "unsigned 64-bit integer, decimal or 0x hex")
    String payload;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new NotImplementedException(spec.qualifiedName());
    }
}
