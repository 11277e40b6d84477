package org.reeltrace.cli.release;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.cli.UsageException;
import org.reeltrace.cli.chain.ChainOptions;
import org.reeltrace.cli.workflow.DrmSealing;
import org.reeltrace.cli.workflow.RecipientList;
import org.reeltrace.cli.workflow.ReleaseWorkflow;
import org.reeltrace.drm.keys.KeyFiles;
import org.reeltrace.media.H264Encoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "release", header = "Fingerprint, catalog and watermark one copy per recipient; optionally seal and anchor.",
        description = {"Writes DIR/<name>.<ext> per recipient, DIR/<video>.rtfp, DIR/release.json and, with --anchor,",
                "DIR/receipts/. Re-running an interrupted release keeps the copies already made."})
public final class ReleaseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "VIDEO")
    Path video;

    @Option(names = "--recipients", required = true, paramLabel = "CSV", description = "name,publicKey? per line")
    Path recipients;

    @Option(names = "--key", required = true, paramLabel = "KEYFILE", description = "watermark key file")
    Path key;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR")
    Path outputDir;

    @Option(names = "--catalog", paramLabel = "DB", description = "SQLite file, or a jdbc: URL (default: DIR/catalog.db)")
    String catalog;

    @Option(names = "--seal", description = "seal each copy to its recipient's public key from the CSV")
    boolean seal;

    @Option(names = "--issuer-key", paramLabel = "K", description = "issuer private key file (with --seal)")
    Path issuerKey;

    @Option(names = "--anchor", description = "anchor everything in one transaction")
    boolean anchor;

    @Mixin
    ChainOptions chain;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (seal && issuerKey == null) {
            throw new UsageException("--seal needs --issuer-key", "generate one with 'reeltrace keys generate --type issuer -o issuer.key'");
        }
        Console console = Console.of(spec);
        H264Encoder.best().fallbackWarning().ifPresent(console::warn);
        byte[] watermarkKey = KeyFiles.readWatermarkKey(key);
        ReleaseWorkflow.Request request = new ReleaseWorkflow.Request(video, RecipientList.read(recipients), watermarkKey,
                outputDir, catalog,
                seal ? Optional.of(new DrmSealing(issuerKey, Optional.empty(), Optional.empty())) : Optional.empty(),
                anchor ? Optional.of(ChainWiring.anchoring(chain)) : Optional.empty());
        ReleaseWorkflow.Result result;
        try (ConsoleListener listener = new ConsoleListener(console, "release")) {
            result = ReleaseWorkflow.run(request, listener);
        }
        console.json(result);
        console.result("work " + result.workId() + " (" + result.title() + ") registered in " + result.catalog());
        for (ReleaseWorkflow.Copy c : result.copies()) {
            console.result(String.format("%-16s payload %s  %s%s%s", c.recipient(), c.payloadHex(), c.file(),
                    c.sealedFile() != null ? "  sealed: " + c.sealedFile() : "", c.reused() ? "  (kept)" : ""));
        }
        if (result.anchor() != null) {
            console.result("anchored in tx " + result.anchor().txHash() + " (block " + result.anchor().blockNumber() + "), receipts in "
                    + outputDir.resolve("receipts"));
        }
        return ExitCodes.OK;
    }
}
