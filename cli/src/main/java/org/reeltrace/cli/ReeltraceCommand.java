package org.reeltrace.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The root command; its subcommands are listed in {@link CommandTree}. */
@Command(name = "reeltrace",
        header = "Fingerprint, watermark, encrypt and anchor video; trace leaked copies.",
        synopsisSubcommandLabel = "COMMAND",
        versionProvider = VersionProvider.class,
        footer = {"", "Exit codes: 0 ok, 1 finding (--fail-on-*), 2 usage, 3 invalid input,",
                "4 verification failed, 5 environment or service, 70 internal error."})
public final class ReeltraceCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    private Console console;

    void console(Console console) {
        this.console = console;
    }

    Console console() {
        return console;
    }

    GlobalOptions global() {
        return global;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }
}
