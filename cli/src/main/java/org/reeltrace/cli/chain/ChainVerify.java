package org.reeltrace.cli.chain;

import org.reeltrace.chain.ChainException;
import org.reeltrace.chain.ReceiptVerifier;
import org.reeltrace.chain.Verification;
import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "verify", header = "Check a receipt: Merkle path, the file hash if given, and the root on chain.")
public final class ChainVerify implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RECEIPT")
    Path receipt;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "the anchored file")
    Path file;

    @Option(names = "--offline", description = "check only the file and the Merkle path; ask no node")
    boolean offline;

    @Mixin
    ChainOptions chain;

    @Spec
    CommandSpec spec;

    record Json(boolean valid, String root, long blockNumber, String blockTime, boolean chainChecked, boolean fileChecked,
                List<String> checked, List<String> notChecked) {
    }

    @Override
    public Integer call() throws ChainException {
        Console console = Console.of(spec);
        Verification v;
        try {
            v = ReceiptVerifier.verify(receipt, file, offline ? null : chain.config(null));
        } catch (ChainException e) {
            if (e.kind() == ChainException.Kind.ENVIRONMENT) {
                // say what could be checked without the node before failing on it
                ReceiptVerifier.verify(receipt, file, null).checked().forEach(c -> console.info("checked: " + c));
                console.info("NOT checked: that the root is anchored on chain (the node could not be asked)");
            }
            throw e;
        }
        for (String c : v.checked()) {
            console.result("ok: " + c);
        }
        for (String n : v.notChecked()) {
            console.result("NOT checked: " + n);
        }
        console.result(v.chainChecked() ? "valid: anchored in block " + v.blockNumber() + " at " + v.blockTime()
                : "valid offline; the receipt claims block " + v.blockNumber() + " at " + v.blockTime() + " (not checked)");
        console.json(new Json(v.valid(), v.root(), v.blockNumber(), v.blockTime(), v.chainChecked(), v.fileChecked(), v.checked(),
                v.notChecked()));
        return ExitCodes.OK;
    }
}
