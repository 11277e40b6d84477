package org.reeltrace.cli.drm;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.keys.Passphrase;
import org.reeltrace.drm.seal.SealResult;
import org.reeltrace.drm.seal.Sealer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "open", header = "Verify the licence of a sealed file and decrypt it.")
public final class DrmOpen implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.rtseal")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT")
    Path output;

    @Option(names = "--identity", required = true, paramLabel = "KEYFILE", description = "recipient private key file")
    Path identity;

    @Option(names = "--issuer", paramLabel = "PUB", description = "issuer public key the licence must be signed by")
    String issuer;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "passphrase of an encrypted identity (or env REELTRACE_PASSPHRASE)")
    Path passphraseFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws DrmException {
        Console console = Console.of(spec);
        SealResult r = Sealer.open(input, output, identity, Passphrase.standard(passphraseFile), Optional.ofNullable(issuer),
                Clock.systemUTC());
        console.json(EnvelopeJson.of(r.licence(), output.toString(), true));
        if (issuer == null) {
            console.warn("licence signed by " + r.licence().issuer().text() + "; pass --issuer to require a particular issuer");
        }
        console.result("opened \"" + input + "\" -> \"" + output + "\" (licence " + r.licenceId() + ", sha256 " + r.contentSha256() + ")");
        return ExitCodes.OK;
    }
}
