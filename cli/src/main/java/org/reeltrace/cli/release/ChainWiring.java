package org.reeltrace.cli.release;

import org.reeltrace.chain.AnchorItem;
import org.reeltrace.chain.AnchorResult;
import org.reeltrace.chain.Anchorer;
import org.reeltrace.chain.ChainConfig;
import org.reeltrace.chain.ChainException;
import org.reeltrace.chain.DevChain;
import org.reeltrace.chain.ReceiptVerifier;
import org.reeltrace.chain.Verification;
import org.reeltrace.cli.Console;
import org.reeltrace.cli.chain.ChainOptions;
import org.reeltrace.cli.workflow.Anchoring;
import org.reeltrace.cli.workflow.ReceiptChecking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Connects the release and trace workflows to the chain-client module. */
final class ChainWiring {
    private ChainWiring() {
    }

    static ChainConfig config(ChainOptions options) throws ChainException {
        return options == null ? ChainConfig.dev() : options.config(null);
    }

    static Anchoring anchoring(ChainOptions options) throws ChainException {
        ChainConfig cfg = config(options);
        return (items, receiptDir) -> anchor(items, receiptDir, cfg);
    }

    /** The dev chain for the demo, when anvil can be had; otherwise the demo runs without anchoring. */
    static Optional<Anchoring> devAnchoring(Console console) {
        try {
            DevChain.ensureRunning();
        } catch (ChainException e) {
            console.warn("no dev chain, anchoring is skipped: " + e.getMessage());
            return Optional.empty();
        }
        ChainConfig cfg = ChainConfig.dev();
        return Optional.of((items, receiptDir) -> anchor(items, receiptDir, cfg));
    }

    private static Anchoring.Summary anchor(List<Path> items, Path receiptDir, ChainConfig cfg) throws ChainException, IOException {
        List<AnchorItem> anchorItems = new ArrayList<>();
        for (Path item : items) {
            anchorItems.add(AnchorItem.ofFile(item));
        }
        Files.createDirectories(receiptDir);
        AnchorResult r = Anchorer.anchor(anchorItems, receiptDir, cfg);
        return new Anchoring.Summary(r.txHash(), r.blockNumber(), r.root(), r.receipts().stream().map(Path::toString).toList());
    }

    static ReceiptChecking receiptChecking(ChainOptions options) throws ChainException {
        ChainConfig cfg = config(options);
        return (receipt, file) -> {
            try {
                Verification v = ReceiptVerifier.verify(receipt, file, cfg);
                String detail = v.notChecked().isEmpty() ? String.join("; ", v.checked())
                        : "checked: " + String.join("; ", v.checked()) + "; not checked: " + String.join("; ", v.notChecked());
                return new ReceiptChecking.Check(receipt.toString(), file == null ? null : file.toString(), v.valid(),
                        v.blockNumber(), v.blockTime(), v.root(), detail);
            } catch (ChainException e) {
                return new ReceiptChecking.Check(receipt.toString(), file == null ? null : file.toString(), false,
                        null, null, null, e.getMessage());
            }
        };
    }
}
