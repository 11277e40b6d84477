package org.reeltrace.cli.keys;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.keys.KeyFiles;
import org.reeltrace.drm.keys.Passphrase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "public", header = "Print the shareable public key of a key file (one line).")
public final class KeysPublic implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "private key file")
    Path keyFile;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "passphrase of an encrypted key file (or env REELTRACE_PASSPHRASE)")
    Path passphraseFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws DrmException {
        Console console = Console.of(spec);
        String text = KeyFiles.publicKeyText(keyFile, Passphrase.standard(passphraseFile));
        console.json(Map.of("publicKey", text, "type", KeyFiles.kindOf(keyFile).description()));
        console.result(text);
        return ExitCodes.OK;
    }
}
