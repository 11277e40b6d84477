package org.reeltrace.cli.workflow;

import org.reeltrace.drm.keys.Passphrase;
import org.reeltrace.drm.seal.LicenceTerms;
import org.reeltrace.drm.seal.SealResult;
import org.reeltrace.drm.seal.Sealer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Seals release copies with the drm module (rtseal-v1) under licences signed by the issuer key. */
public final class DrmSealing implements Sealing {
    private final Path issuerKey;
    private final Optional<Instant> notBefore;
    private final Optional<Instant> notAfter;

    public DrmSealing(Path issuerKey, Optional<Instant> notBefore, Optional<Instant> notAfter) {
        this.issuerKey = issuerKey;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
    }

    @Override
    public Sealed seal(Path copy, RecipientList.Recipient recipient, long payload, String copySha256) throws Exception {
        Path out = copy.resolveSibling(copy.getFileName() + ".rtseal");
        SealResult result = Sealer.seal(copy, out, List.of(recipient.publicKey().orElseThrow()), issuerKey,
                Passphrase.standard(null), new LicenceTerms(notBefore, notAfter, OptionalLong.of(payload)));
        if (!result.contentSha256().equalsIgnoreCase(copySha256)) {
            throw new IllegalStateException("sealed content hash differs from the copy's: " + out);
        }
        return new Sealed(out, result.licenceId());
    }
}
