package org.reeltrace.cli.fingerprint;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.fingerprint.Comparison;
import org.reeltrace.fingerprint.FingerprintException;
import org.reeltrace.fingerprint.Fingerprinter;
import org.reeltrace.fingerprint.Matcher;
import org.reeltrace.fingerprint.Segment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "compare", header = "Find matching segments between two videos or .rtfp files.",
        description = "A is the query and B the reference: query times are in A, reference times in B.")
public final class FingerprintCompare implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "A", description = "video or .rtfp")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "video or .rtfp")
    Path b;

    @Option(names = "--fail-on-match", description = "exit 1 when A and B match")
    boolean failOnMatch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws FingerprintException {
        Console console = Console.of(spec);
        Comparison c = Matcher.compare(Fingerprinter.load(a), Fingerprinter.load(b));
        String name = b.getFileName().toString();
        console.json(Map.of("matches", c.matches() ? List.of(FingerprintJson.match(name, name, c)) : List.of()));
        if (!c.matches()) {
            console.result("no match");
            return ExitCodes.OK;
        }
        console.result(FingerprintJson.matchLine(name, c.score(), c.falseMatchProbability()));
        for (Segment s : c.segments()) {
            console.result(FingerprintJson.segmentLine(s));
        }
        return failOnMatch ? ExitCodes.FOUND : ExitCodes.OK;
    }
}
