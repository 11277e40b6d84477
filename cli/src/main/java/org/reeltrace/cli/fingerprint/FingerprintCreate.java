package org.reeltrace.cli.fingerprint;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.cli.UsageException;
import org.reeltrace.fingerprint.Fingerprint;
import org.reeltrace.fingerprint.FingerprintException;
import org.reeltrace.fingerprint.Fingerprinter;
import org.reeltrace.media.Ffmpeg;
import org.reeltrace.media.MediaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "create", header = "Write VIDEO.rtfp fingerprints.",
        description = "Writes VIDEO.rtfp beside each VIDEO (the name with .rtfp appended), or into OUT.")
public final class FingerprintCreate implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "VIDEO", description = "videos to fingerprint")
    List<Path> videos;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "output file (one input) or directory (several)")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws MediaException, FingerprintException {
        Console console = Console.of(spec);
        for (Path video : videos) {
            Ffmpeg.requireReadable(video);
        }
        if (videos.size() > 1 && output != null && Files.exists(output) && !Files.isDirectory(output)) {
            throw new UsageException("-o \"" + output + "\" must be a directory when several videos are given");
        }
        List<Map<String, Object>> outputs = new ArrayList<>();
        for (Path video : videos) {
            Fingerprint fp = Fingerprinter.reference(video);
            if (fp.skippedPackets() > 0) {
                console.warn("\"" + video + "\": skipped " + fp.skippedPackets() + " undecodable packets; fingerprinted what decodes");
            }
            Path out = target(video);
            fp.write(out);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("input", video.toString());
            m.put("output", out.toString());
            m.put("durationSeconds", fp.durationSeconds());
            m.put("frames", fp.frameCount());
            m.put("audioLandmarks", fp.audioLandmarkCount());
            m.put("skippedPackets", fp.skippedPackets());
            m.put("sourceSha256", fp.sourceSha256());
            outputs.add(m);
            console.result(out + "  (" + FingerprintJson.time(fp.durationSeconds()) + ", " + fp.frameCount() + " frames, "
                    + fp.audioLandmarkCount() + " audio landmarks)");
        }
        console.json(Map.of("outputs", outputs));
        return ExitCodes.OK;
    }

    private Path target(Path video) {
        String name = video.getFileName() + ".rtfp";
        if (output == null) {
            return video.resolveSibling(name);
        }
        if (videos.size() > 1 || Files.isDirectory(output)) {
            try {
                Files.createDirectories(output);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return output.resolve(name);
        }
        return output;
    }
}
