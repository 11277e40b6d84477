package org.reeltrace.cli.fingerprint;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.cli.UsageException;
import org.reeltrace.fingerprint.Catalog;
import org.reeltrace.fingerprint.Fingerprint;
import org.reeltrace.fingerprint.FingerprintException;
import org.reeltrace.fingerprint.Fingerprinter;
import org.reeltrace.fingerprint.Work;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "add", header = "Register works in a catalog.",
        description = "Adding the same source again is a no-op that prints the existing entry.")
public final class FingerprintAdd implements Callable<Integer> {

    @Option(names = "--catalog", required = true, paramLabel = "DB", description = "SQLite file, or a jdbc: URL")
    String catalog;

    @Parameters(arity = "1..*", paramLabel = "ITEM", description = "videos or .rtfp files")
    List<Path> items;

    @Option(names = "--title", paramLabel = "T", description = "title of the work")
    String title;

    @Option(names = "--work-id", paramLabel = "ID", description = "identifier of the work")
    String workId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws FingerprintException {
        if (items.size() > 1 && (workId != null || title != null)) {
            throw new UsageException("--work-id and --title name one work: give one ITEM with them");
        }
        Console console = Console.of(spec);
        // fingerprint everything first, so a bad file leaves the catalog untouched
        List<Fingerprint> fps = new ArrayList<>();
        for (Path item : items) {
            fps.add(Fingerprinter.loadReference(item));
        }
        List<Map<String, Object>> works = new ArrayList<>();
        try (Catalog c = Catalog.open(catalog)) {
            for (int i = 0; i < items.size(); i++) {
                Path item = items.get(i);
                boolean media = !Fingerprinter.isRtfp(item);
                Work w = c.add(fps.get(i), workId, title != null ? title : (media ? item.getFileName().toString() : null), media ? item : null);
                works.add(FingerprintJson.work(w));
                console.result(w.workId() + "  " + (w.title() == null ? "" : w.title()));
            }
        }
        console.json(Map.of("works", works));
        return ExitCodes.OK;
    }
}
