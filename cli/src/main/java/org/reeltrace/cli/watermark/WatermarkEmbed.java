package org.reeltrace.cli.watermark;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.cli.UsageException;
import org.reeltrace.watermark.EmbedResult;
import org.reeltrace.watermark.EncoderSettings;
import org.reeltrace.watermark.WatermarkEmbedder;
import org.reeltrace.watermark.WatermarkKey;
import org.reeltrace.media.H264Encoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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

    @Option(names = "--codec", paramLabel = "ENCODER", description = "video encoder (default: libx264)")
    String codec;

    @Option(names = "--crf", paramLabel = "N", description = "constant rate factor (default: 18)")
    Integer crf;

    @Option(names = "--bitrate", paramLabel = "RATE", description = "target bitrate such as 4M (instead of --crf)")
    String bitrate;

    @Option(names = "--preset", paramLabel = "NAME", description = "encoder preset (default: medium)")
    String preset;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long value = PayloadArgument.parse(payload);
        if (crf != null && bitrate != null) {
            throw new UsageException("--crf and --bitrate cannot be combined");
        }
        EncoderSettings d = EncoderSettings.defaults();
        EncoderSettings settings = new EncoderSettings(codec != null ? codec : d.codec(),
                bitrate != null ? null : (crf != null ? crf : d.crf()), bitrate, preset != null ? preset : d.preset());
        WatermarkKey k = KeyLoading.watermarkKey(key);
        Console console = Console.of(spec);
        if ("libopenh264".equals(H264Encoder.best().name()) && (codec == null || codec.equals("libx264"))) {
            H264Encoder.best().fallbackWarning().ifPresent(console::warn);
        }
        EmbedResult r = WatermarkEmbedder.embed(input, output, k, value, settings);
        for (String dropped : r.droppedStreams()) {
            console.warn(dropped);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("output", r.output().toString());
        json.put("payload", PayloadArgument.decimal(r.payload()));
        json.put("payloadHex", PayloadArgument.hex(r.payload()));
        json.put("frames", r.frames());
        json.put("width", r.width());
        json.put("height", r.height());
        json.put("encoder", r.encoder());
        json.put("droppedStreams", r.droppedStreams());
        console.json(json);
        console.result("wrote \"" + r.output() + "\" with payload " + PayloadArgument.decimal(r.payload())
                + " (" + PayloadArgument.hex(r.payload()) + "), " + r.frames() + " picture(s), " + r.encoder());
        return ExitCodes.OK;
    }
}
