package org.reeltrace.cli.drm;

import org.reeltrace.drm.keys.RecipientPublicKey;
import org.reeltrace.drm.seal.Licence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON fields of a sealed envelope's licence, shared by seal, open and inspect. */
final class EnvelopeJson {
    private EnvelopeJson() {
    }

    static Map<String, Object> of(Licence l, String file, boolean signatureValid) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("format", "rtseal-v1");
        m.put("licenceId", l.idHex());
        m.put("issuer", l.issuer().text());
        m.put("recipients", l.recipients().stream().map(RecipientPublicKey::text).toList());
        m.put("contentSha256", l.contentSha256Hex());
        m.put("contentLength", l.contentLength());
        m.put("notBefore", l.terms().notBefore().map(Instant::toString).orElse(null));
        m.put("notAfter", l.terms().notAfter().map(Instant::toString).orElse(null));
        m.put("payload", l.terms().payload().isPresent() ? Long.toUnsignedString(l.terms().payload().getAsLong()) : null);
        m.put("signatureValid", signatureValid);
        return m;
    }
}
