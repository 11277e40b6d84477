package org.reeltrace.cli.drm;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.ExitCodes;
import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.seal.Licence;
import org.reeltrace.drm.seal.SealedEnvelopeReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "inspect", header = "Show scheme, KIDs and licence terms of an encrypted file (no secrets).")
public final class DrmInspect implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws DrmException {
        Console console = Console.of(spec);
        if (SealedEnvelopeReader.isSealed(file)) {
            SealedEnvelopeReader.EnvelopeInfo info = SealedEnvelopeReader.inspect(file);
            Licence l = info.licence();
            Map<String, Object> json = EnvelopeJson.of(l, file.toString(), info.signatureValid());
            console.json(json);
            json.forEach((k, v) -> console.result(k + ": " + v));
            return info.signatureValid() ? ExitCodes.OK : ExitCodes.VERIFICATION_FAILED;
        }
        return CencInspectOutput.print(console, file);
    }
}
