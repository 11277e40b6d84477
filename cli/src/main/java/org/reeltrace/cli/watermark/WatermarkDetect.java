package org.reeltrace.cli.watermark;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.watermark.Detection;
import org.reeltrace.watermark.WatermarkDetector;
import org.reeltrace.watermark.WatermarkKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
    public Integer call() throws Exception {
        WatermarkKey k = KeyLoading.watermarkKey(key);
        Detection d = reference == null ? WatermarkDetector.detect(suspect, k) : WatermarkDetector.detect(suspect, k, reference);
        Console console = Console.of(spec);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("found", d.found());
        if (d.found()) {
            json.put("payload", PayloadArgument.decimal(d.payload()));
            json.put("payloadHex", PayloadArgument.hex(d.payload()));
        }
        json.put("confidence", d.confidence());
        json.put("falsePositiveProbability", d.falsePositiveProbability());
        json.put("mode", d.mode());
        json.put("bitReliabilities", d.bitReliabilities());
        console.json(json);
        if (d.found()) {
            console.result("found payload " + PayloadArgument.decimal(d.payload()) + " (" + PayloadArgument.hex(d.payload())
                    + "), false-positive probability " + String.format("%.2g", d.falsePositiveProbability()) + " (" + d.mode() + ")");
        } else {
            console.result("no watermark found for this key (" + d.mode() + ")");
        }
        return d.found() && failOnFound ? ExitCodes.FOUND : ExitCodes.OK;
    }
}
