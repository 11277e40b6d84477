package org.reeltrace.cli.fingerprint;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.fingerprint.Catalog;
import org.reeltrace.fingerprint.FingerprintException;
import org.reeltrace.fingerprint.Work;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "list", header = "List the works in a catalog.")
public final class FingerprintList implements Callable<Integer> {

    @Option(names = "--catalog", required = true, paramLabel = "DB", description = "SQLite file, or a jdbc: URL")
    String catalog;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws FingerprintException {
        Console console = Console.of(spec);
        List<Work> works;
        try (Catalog c = Catalog.openExisting(catalog)) {
            works = c.list();
        }
        console.json(Map.of("works", works.stream().map(FingerprintJson::work).toList()));
        for (Work w : works) {
            console.result(w.workId() + "  " + FingerprintJson.time(w.durationSeconds()) + "  " + (w.title() == null ? "" : w.title()));
        }
        if (works.isEmpty()) {
            console.info("the catalog is empty");
        }
        return ExitCodes.OK;
    }
}
