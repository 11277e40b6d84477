package org.reeltrace.cli.fingerprint;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.fingerprint.Fingerprint;
import org.reeltrace.fingerprint.FingerprintException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "inspect", header = "Show the header and summary of a .rtfp file.")
public final class FingerprintInspect implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = ".rtfp file")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws FingerprintException {
        Console console = Console.of(spec);
        Fingerprint fp = Fingerprint.read(file);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("format", "rtfp");
        m.put("formatVersion", 1);
        m.put("bytes", fp.encode().length);
        m.put("digest", HexFormat.of().formatHex(fp.digest()));
        m.put("sourceSha256", fp.sourceSha256());
        m.put("durationSeconds", fp.durationSeconds());
        m.put("frames", fp.frameCount());
        m.put("frameInterval", fp.frameInterval());
        m.put("flatFrames", fp.flatFrameCount());
        m.put("crop", fp.crop());
        m.put("rotation", fp.rotationDegrees());
        m.put("audioLandmarks", fp.audioLandmarkCount());
        console.json(m);
        console.result("format         rtfp version 1 (" + fp.encode().length + " bytes)");
        console.result("digest         " + m.get("digest"));
        console.result("source sha256  " + fp.sourceSha256());
        console.result("duration       " + FingerprintJson.time(fp.durationSeconds()));
        console.result(String.format(Locale.ROOT, "video          %d frames every %.2fs (%d flat), crop %.3f %.3f %.3f %.3f, rotation %d",
                fp.frameCount(), fp.frameInterval(), fp.flatFrameCount(), fp.crop()[0], fp.crop()[1], fp.crop()[2], fp.crop()[3], fp.rotationDegrees()));
        console.result("audio          " + fp.audioLandmarkCount() + " landmarks");
        return ExitCodes.OK;
    }
}
