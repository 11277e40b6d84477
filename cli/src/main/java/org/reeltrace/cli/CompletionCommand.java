package org.reeltrace.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "completion", header = "Print the shell completion script (bash or zsh).")
public final class CompletionCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
    CompletionScripts.Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Console.of(spec).out().print(CompletionScripts.script(shell));
        return ExitCodes.OK;
    }
}
