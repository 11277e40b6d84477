package org.reeltrace.cli.watermark;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.watermark.DiffImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "diff", header = "Write a side-by-side still and an amplified difference image.")
public final class WatermarkDiff implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ORIGINAL")
    Path original;

    @Parameters(index = "1", paramLabel = "MARKED")
    Path marked;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PNG", description = "PNG to write")
    Path output;

    @Option(names = "--at", paramLabel = "SECONDS", description = "time of the frame to compare in videos (default: middle)")
    Double at;

    @Option(names = "--gain", paramLabel = "X", description = "difference amplification (default: 20)")
    Double gain;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DiffImage.Result r = DiffImage.write(original, marked, output, at, gain == null ? 20 : gain);
        Console console = Console.of(spec);
        console.json(Map.of("output", output.toString(), "psnr", r.psnr(), "maxDifference", r.maxDifference(), "seconds", r.seconds()));
        console.result(String.format("wrote \"%s\": left original, middle marked, right difference x%.0f (luma PSNR %.2f dB, max |diff| %d)",
                output, gain == null ? 20 : gain, r.psnr(), r.maxDifference()));
        return ExitCodes.OK;
    }
}
