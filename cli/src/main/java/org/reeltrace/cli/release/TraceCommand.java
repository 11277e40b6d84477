package org.reeltrace.cli.release;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.cli.chain.ChainOptions;
import org.reeltrace.cli.workflow.Evidence;
import org.reeltrace.cli.workflow.TraceWorkflow;
import org.reeltrace.drm.keys.KeyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "trace", header = "Which work, where, whose copy: writes report.html and evidence.json.")
public final class TraceCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LEAK")
    Path leak;

    @Option(names = "--catalog", required = true, paramLabel = "DB", description = "SQLite file, or a jdbc: URL")
    String catalog;

    @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "watermark key file")
    Path key;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR")
    Path outputDir;

    @Option(names = "--anchor", description = "anchor the evidence bundle")
    boolean anchor;

    @Option(names = "--fail-on-found", description = "exit 1 when a recipient is identified")
    boolean failOnFound;

    @Mixin
    ChainOptions chain;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Console console = Console.of(spec);
        String command = "reeltrace " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        TraceWorkflow.Request request = new TraceWorkflow.Request(leak, catalog, KeyFiles.readWatermarkKey(key), outputDir,
                command, ChainWiring.receiptChecking(chain), anchor ? Optional.of(ChainWiring.anchoring(chain)) : Optional.empty());
        TraceWorkflow.Result result;
        try (ConsoleListener listener = new ConsoleListener(console, "trace")) {
            result = TraceWorkflow.run(request, listener);
        }
        Evidence e = result.evidence();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("work", e.work() == null ? null : Console.ordered("workId", e.work().workId(), "title", String.valueOf(e.work().title())));
        json.put("segments", e.match() == null ? List.of() : e.match().segments());
        json.put("recipient", e.recipient() == null ? null : Console.ordered("name", e.recipient().name(), "payload", e.recipient().payload()));
        json.put("anchors", e.anchors());
        json.put("report", result.report().toString());
        json.put("evidence", result.evidenceFile().toString());
        json.put("watermark", e.watermark());
        json.put("conclusion", e.conclusion());
        if (result.evidenceAnchor() != null) {
            json.put("evidenceAnchor", result.evidenceAnchor());
        }
        console.json(json);
        console.result(e.conclusion());
        console.result("report: " + result.report());
        return failOnFound && result.recipientFound() ? ExitCodes.FOUND : ExitCodes.OK;
    }
}
