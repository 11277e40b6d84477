package org.reeltrace.cli.drm;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.keys.Passphrase;
import org.reeltrace.drm.seal.LicenceTerms;
import org.reeltrace.drm.seal.SealResult;
import org.reeltrace.drm.seal.Sealer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "seal", header = "Seal a file to recipients under a licence signed by the issuer.")
public final class DrmSeal implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.rtseal")
    Path output;

    @Option(names = "--recipient", required = true, arity = "1..*", paramLabel = "PUB", description = "recipient public key (text) or a file holding one")
    List<String> recipients;

    @Option(names = "--issuer-key", required = true, paramLabel = "KEYFILE", description = "issuer private key file")
    Path issuerKey;

    @Option(names = "--not-before", paramLabel = "T", description = "ISO-8601 instant")
    String notBefore;

    @Option(names = "--not-after", paramLabel = "T", description = "ISO-8601 instant")
    String notAfter;

    @Option(names = "--payload", paramLabel = "N", description = "watermark payload recorded in the licence")
    String payload;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "passphrase of an encrypted issuer key (or env REELTRACE_PASSPHRASE)")
    Path passphraseFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws DrmException {
        Console console = Console.of(spec);
        LicenceTerms terms = new LicenceTerms(SealArguments.instant("--not-before", notBefore),
                SealArguments.instant("--not-after", notAfter), SealArguments.payload(payload));
        SealResult r = Sealer.seal(input, output, recipients, issuerKey, Passphrase.standard(passphraseFile), terms);
        console.json(EnvelopeJson.of(r.licence(), output.toString(), true));
        console.result("sealed \"" + input + "\" to " + recipients.size() + " recipient(s) -> \"" + output + "\"");
        console.result("licence " + r.licenceId() + ", content sha256 " + r.contentSha256());
        return ExitCodes.OK;
    }
}
