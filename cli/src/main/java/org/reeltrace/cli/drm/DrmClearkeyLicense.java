package org.reeltrace.cli.drm;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.cenc.ClearKeyLicence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "clearkey-license", header = "Print the W3C ClearKey licence JSON for a player.")
public final class DrmClearkeyLicense implements Callable<Integer> {

    @Option(names = "--keys", paramLabel = "KEYS", description = "file of KID:KEY lines (or env REELTRACE_KEYS)")
    String keys;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws DrmException {
        Console console = Console.of(spec);
        Map<String, Object> licence = ClearKeyLicence.of(KeysArgument.load(keys));
        if (console.json()) {
            console.json(licence);
        } else {
            console.result(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(licence));
        }
        return ExitCodes.OK;
    }
}
