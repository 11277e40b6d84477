package org.reeltrace.cli.workflow;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

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
        throw new UnsupportedOperationException("integration pending: drm sealing API");
    }
}
