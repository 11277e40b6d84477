package org.reeltrace.cli.fingerprint;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.fingerprint.Catalog;
import org.reeltrace.fingerprint.CatalogMatch;
import org.reeltrace.fingerprint.Fingerprint;
import org.reeltrace.fingerprint.FingerprintException;
import org.reeltrace.fingerprint.Fingerprinter;
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

@Command(name = "match", header = "Find which catalogued works a suspect file contains, and where.")
public final class FingerprintMatch implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SUSPECT", description = "video or .rtfp")
    Path suspect;

    @Option(names = "--catalog", required = true, paramLabel = "DB", description = "SQLite file, or a jdbc: URL")
    String catalog;

    @Option(names = "--fail-on-match", description = "exit 1 when anything matches")
    boolean failOnMatch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws FingerprintException {
        Console console = Console.of(spec);
        Fingerprint fp = Fingerprinter.load(suspect);
        List<CatalogMatch> matches;
        try (Catalog c = Catalog.openExisting(catalog)) {
            matches = c.match(fp);
        }
        console.json(Map.of("matches", matches.stream().map(FingerprintJson::match).toList()));
        if (matches.isEmpty()) {
            console.result("no match");
            return ExitCodes.OK;
        }
        for (CatalogMatch m : matches) {
            String name = m.work().workId() + (m.work().title() == null ? "" : " (" + m.work().title() + ")");
            console.result(FingerprintJson.matchLine(name, m.score(), m.falseMatchProbability()));
            for (Segment s : m.segments()) {
                console.result(FingerprintJson.segmentLine(s));
            }
        }
        return failOnMatch ? ExitCodes.FOUND : ExitCodes.OK;
    }
}
