package org.reeltrace.cli.fingerprint;

import org.reeltrace.cli.NotImplementedException;
import org.reeltrace.media.Ffmpeg;
import org.reeltrace.media.MediaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "create", header = "Write VIDEO.rtfp fingerprints.")
public final class FingerprintCreate implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "VIDEO", description = "videos to fingerprint")
    List<Path> videos;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "output file (one input) or directory (several)")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws MediaException {
        for (Path video : videos) {
            Ffmpeg.requireReadable(video);
        }
        throw new NotImplementedException(spec.qualifiedName());
    }
}
