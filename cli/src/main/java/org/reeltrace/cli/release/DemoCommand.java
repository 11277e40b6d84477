package org.reeltrace.cli.release;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.cli.workflow.DemoWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "demo", header = "The whole story on a generated clip: release, leak, trace, anchor.",
        description = {"Generates keys and a clip, releases it to alice, bob and carol (watermarked and sealed copies),",
                "leaks bob's copy through an excerpt, crop, scale and re-encode, traces the leak back to bob,",
                "and anchors and verifies the proofs on the local dev chain. Needs no network and no set-up."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "workspace (default: a new temporary directory)")
    Path workspace;

    @Option(names = "--clip", paramLabel = "VIDEO", description = "use this video instead of a generated clip")
    Path clip;

    @Option(names = "--no-chain", description = "skip anchoring on the dev chain")
    boolean noChain;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Console console = Console.of(spec);
        Path ws = workspace != null ? workspace : Files.createTempDirectory("reeltrace-demo-");
        console.info("reeltrace demo in \"" + ws + "\"");
        DemoWorkflow.Result result;
        try (ConsoleListener listener = new ConsoleListener(console, "demo")) {
            result = DemoWorkflow.run(new DemoWorkflow.Request(ws, Optional.ofNullable(clip),
                    noChain ? Optional.empty() : ChainWiring.devAnchoring(console), ChainWiring.receiptChecking(null)), listener);
        }
        console.json(result);
        console.result("leak traced to: " + (result.tracedRecipient() == null ? "nobody" : result.tracedRecipient())
                + (result.correct() ? " (correct)" : " (WRONG: expected " + DemoWorkflow.LEAKER + ")"));
        console.result("report: " + result.report());
        if (!result.correct()) {
            console.warn("the demo did not trace the leak to " + DemoWorkflow.LEAKER);
            return ExitCodes.INTERNAL;
        }
        return ExitCodes.OK;
    }
}
