package org.reeltrace.cli.keys;

import org.reeltrace.cli.NotImplementedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "generate", header = "Generate a key: watermark (secret), issuer (Ed25519) or recipient (X25519).")
public final class KeysGenerate implements Callable<Integer> {

    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "watermark, issuer or recipient")
    KeyType type;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "private key file to write (mode 0600)")
    Path output;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "encrypt the key file with the passphrase in FILE (or env REELTRACE_PASSPHRASE)")
    Path passphraseFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new NotImplementedException(spec.qualifiedName());
    }
}
