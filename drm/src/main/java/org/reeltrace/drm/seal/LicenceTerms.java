package org.reeltrace.drm.seal;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** What the issuer grants: the validity window and the watermark payload of this copy. */
public record LicenceTerms(Optional<Instant> notBefore, Optional<Instant> notAfter, OptionalLong payload) {
    public static LicenceTerms unlimited() {
        return new LicenceTerms(Optional.empty(), Optional.empty(), OptionalLong.empty());
    }
}
