package org.reeltrace.cli;

import org.reeltrace.cli.chain.ChainCommand;
import org.reeltrace.cli.chain.CidCommand;
import org.reeltrace.cli.drm.DrmCommand;
import org.reeltrace.cli.fingerprint.FingerprintCommand;
import org.reeltrace.cli.keys.KeysCommand;
import org.reeltrace.cli.release.DemoCommand;
import org.reeltrace.cli.release.ReleaseCommand;
import org.reeltrace.cli.release.TraceCommand;
import org.reeltrace.cli.watermark.WatermarkCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "reeltrace",
        header = "Fingerprint, watermark, encrypt and anchor video; trace leaked copies.",
        synopsisSubcommandLabel = "COMMAND",
        versionProvider = VersionProvider.class,
        subcommands = {
                KeysCommand.class,
                FingerprintCommand.class,
                WatermarkCommand.class,
                DrmCommand.class,
                ChainCommand.class,
                CidCommand.class,
                ReleaseCommand.class,
                TraceCommand.class,
                DemoCommand.class,
                CompletionCommand.class,
        },
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
