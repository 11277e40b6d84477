package org.reeltrace.cli.drm;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.cli.UsageException;
import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.cenc.CencWrapper;
import org.reeltrace.drm.cenc.Scheme;
import org.reeltrace.drm.cenc.WrapOptions;
import org.reeltrace.drm.cenc.WrapResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "wrap", header = "Encrypt an MP4 with ISO/IEC 23001-7 Common Encryption.")
public final class DrmWrap implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN.mp4")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.mp4")
    Path output;

    @Option(names = "--scheme", defaultValue = "cenc", paramLabel = "SCHEME", description = "cenc or cbcs (default: ${DEFAULT-VALUE})")
    CencScheme scheme;

    @Option(names = "--keys", paramLabel = "KEYS", description = "file of KID:KEY[:video|audio|TRACK] lines (or env REELTRACE_KEYS)")
    String keys;

    @Option(names = "--fragment", description = "write fragmented MP4 (for MSE players); already fragmented input keeps its own layout")
    boolean fragment;

    @Option(names = "--mpd", description = "write a DASH manifest beside the output (implies --fragment)")
    boolean mpd;

    @Option(names = "--fragment-duration", defaultValue = "2", paramLabel = "SECONDS", description = "target fragment length (default: ${DEFAULT-VALUE})")
    double fragmentSeconds;

    @Option(names = "--clear-lead", defaultValue = "0", paramLabel = "SECONDS",
            description = "leave samples starting in the first SECONDS unencrypted, signalled with 'seig' groups; "
                    + "fragmented output rounds up to whole fragments (default: ${DEFAULT-VALUE})")
    double clearLeadSeconds;

    @Option(names = "--init", paramLabel = "INIT.mp4",
            description = "IN is a lone media segment: encrypt it with the moov of this clear init segment "
                    + "(wrap the init itself with the same keys for the matching encrypted init)")
    Path init;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws DrmException {
        Console console = Console.of(spec);
        Scheme s = scheme == CencScheme.cbcs ? Scheme.CBCS : Scheme.CENC;
        if (!(clearLeadSeconds >= 0) || Double.isInfinite(clearLeadSeconds)) {
            throw new UsageException("--clear-lead must be a number of seconds >= 0, not " + clearLeadSeconds);
        }
        WrapResult r = CencWrapper.wrap(input, output, KeysArgument.load(keys),
                new WrapOptions(s, fragment, mpd, fragmentSeconds, clearLeadSeconds), java.util.Optional.ofNullable(init));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("output", output.toString());
        json.put("scheme", s.fourcc());
        json.put("fragmented", fragment || mpd);
        json.put("tracks", r.tracks());
        json.put("samples", r.samples());
        json.put("manifest", r.manifest().map(Path::toString).orElse(null));
        json.put("unparsedSliceHeaders", r.unparsedSliceHeaders());
        json.put("droppedTracks", r.droppedTracks());
        r.droppedTracks().forEach(t -> console.warn(t + " is not in the fragmented output: only audio and video are fragmented"
                + " (the progressive output keeps every track)"));
        if (r.unparsedSliceHeaders() > 0) {
            console.warn(r.unparsedSliceHeaders() + " slice header(s) could not be parsed; those slices keep only their NAL header"
                    + " clear, which decrypts everywhere but is not the slice-header-clear layout Apple players expect for cbcs");
        }
        console.json(json);
        console.result("encrypted " + r.samples() + " samples (" + s.fourcc() + ") -> \"" + output + "\"");
        r.tracks().forEach(t -> console.result("track " + t.trackId() + " (" + t.handler() + "): KID " + t.kid()));
        r.manifest().ifPresent(m -> console.result("manifest \"" + m + "\""));
        return ExitCodes.OK;
    }
}
