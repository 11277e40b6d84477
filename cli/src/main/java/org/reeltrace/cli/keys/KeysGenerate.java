package org.reeltrace.cli.keys;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.keys.KeyFiles;
import org.reeltrace.drm.keys.Passphrase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "generate", header = "Generate a key: watermark (secret), issuer (Ed25519) or recipient (X25519).")
public final class KeysGenerate implements Callable<Integer> {

    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "watermark, issuer or recipient")
    KeyType type;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "private key file to write (mode 0600)")
    Path output;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "encrypt the key file with the passphrase in FILE (or env REELTRACE_PASSPHRASE)")
    Path passphraseFile;

    @Option(names = "--encrypt", description = "encrypt the key file; asks for a passphrase on the terminal when neither --passphrase-file nor REELTRACE_PASSPHRASE gives one")
    boolean encrypt;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws DrmException {
        Console console = Console.of(spec);
        Passphrase source = Passphrase.standard(passphraseFile);
        Optional<char[]> passphrase = encrypt ? Optional.of(source.forWriting("\"" + output + "\"")) : source.given();
        KeyFiles.GeneratedKey key = KeyFiles.generate(type.kind(), output, passphrase);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type.name());
        json.put("file", output.toString());
        json.put("encrypted", key.encrypted());
        json.put("publicKey", key.publicKey().orElse(null));
        console.json(json);
        console.info("wrote " + type.name() + " key to \"" + output + "\" (mode 0600" + (key.encrypted() ? ", passphrase-protected" : "") + ")");
        key.publicKey().ifPresent(console::result);
        return ExitCodes.OK;
    }
}
