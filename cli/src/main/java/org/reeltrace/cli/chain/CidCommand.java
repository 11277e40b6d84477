package org.reeltrace.cli.chain;

import org.reeltrace.chain.ChainException;
import org.reeltrace.chain.Cid;
import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "cid", header = "Print the CIDv1 that ipfs add --cid-version=1 gives FILE.")
public final class CidCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws ChainException {
        Console console = Console.of(spec);
        String cid = Cid.of(file);
        console.result(cid);
        console.json(Console.ordered("cid", cid, "file", file.toString()));
        return ExitCodes.OK;
    }
}
