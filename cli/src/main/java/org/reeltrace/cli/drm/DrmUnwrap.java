package org.reeltrace.cli.drm;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.cenc.CencUnwrapper;
import org.reeltrace.drm.cenc.PatternTail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "unwrap", header = "Decrypt a Common Encryption MP4 (cenc, cbcs, cens, cbc1).")
public final class DrmUnwrap implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN.mp4")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.mp4")
    Path output;

    @Option(names = "--keys", paramLabel = "KEYS", description = "file of KID:KEY lines (or env REELTRACE_KEYS)")
    String keys;

    @Option(names = "--init", paramLabel = "INIT.mp4", description = "init segment, when IN is a media segment without moov")
    Path init;

    @Option(names = "--pattern-tail", defaultValue = "encrypted", paramLabel = "MODE",
            description = "cens/cbcs: a final partial pattern run is 'encrypted' (ISO, Shaka Packager, Chromium; default) or 'clear'")
    String patternTail;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws DrmException {
        Console console = Console.of(spec);
        PatternTail tail = switch (patternTail) {
            case "encrypted" -> PatternTail.ENCRYPTED;
            case "clear" -> PatternTail.CLEAR;
            default -> throw new org.reeltrace.cli.UsageException("--pattern-tail must be encrypted or clear");
        };
        CencUnwrapper.UnwrapResult r = CencUnwrapper.unwrap(input, output, KeysArgument.load(keys), Optional.ofNullable(init), tail);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("output", output.toString());
        json.put("schemes", r.schemes());
        json.put("kids", r.kids());
        json.put("samples", r.samplesDecrypted());
        console.json(json);
        console.result("decrypted " + r.samplesDecrypted() + " samples " + r.schemes() + " -> \"" + output + "\"");
        return ExitCodes.OK;
    }
}
