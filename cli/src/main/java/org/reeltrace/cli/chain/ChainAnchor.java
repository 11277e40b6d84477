package org.reeltrace.cli.chain;

import org.reeltrace.chain.AnchorItem;
import org.reeltrace.chain.AnchorResult;
import org.reeltrace.chain.Anchorer;
import org.reeltrace.chain.ChainException;
import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "anchor", header = "Anchor items in one transaction; writes one receipt per item.")
public final class ChainAnchor implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "ITEM", description = "files or reeltrace proof JSON")
    List<Path> items;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "directory for the receipts")
    Path outputDir;

    @Option(names = "--contract", paramLabel = "ADDR", defaultValue = "${env:REELTRACE_CONTRACT}",
            description = "registry contract address (env REELTRACE_CONTRACT); the dev node's when absent")
    String contract;

    @Option(names = "--force", description = "anchor again items the journal knows as anchored")
    boolean force;

    @Mixin
    ChainOptions chain;

    @Spec
    CommandSpec spec;

    /** The --json document of the CLI contract. */
    record Json(String txHash, long blockNumber, String root, List<String> receipts, boolean newTransaction, int alreadyAnchored) {
    }

    @Override
    public Integer call() throws ChainException {
        Console console = Console.of(spec);
        List<AnchorItem> anchorItems = new ArrayList<>(items.size());
        for (Path p : items) {
            anchorItems.add(AnchorItem.ofFile(p));
        }
        AnchorResult r = Anchorer.anchor(anchorItems, outputDir, chain.config(contract).withForce(force));
        if (r.newTransaction()) {
            console.result("anchored " + (items.size() - r.alreadyAnchored()) + " item(s) in transaction " + r.txHash()
                    + " (block " + r.blockNumber() + "), root " + r.root());
        } else {
            console.result("all " + items.size() + " item(s) were already anchored (transaction " + r.txHash() + ", block "
                    + r.blockNumber() + "): no transaction sent");
        }
        if (r.newTransaction() && r.alreadyAnchored() > 0) {
            console.info(r.alreadyAnchored() + " item(s) were already anchored; their existing receipts were copied");
        }
        console.result("receipts in " + outputDir);
        console.json(new Json(r.txHash(), r.blockNumber(), r.root(), r.receipts().stream().map(Path::toString).toList(),
                r.newTransaction(), r.alreadyAnchored()));
        return ExitCodes.OK;
    }
}
