package org.reeltrace.drm.cenc;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The W3C EME ClearKey licence (JSON Web Key set): {"keys":[{"kty":"oct","kid":..,"k":..}],"type":"temporary"}. */
public final class ClearKeyLicence {
    private ClearKeyLicence() {
    }

    /** The licence as a JSON-ready map (base64url without padding, as EME requires). */
    public static Map<String, Object> of(CencKeys keys) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        List<Map<String, String>> jwks = keys.keys().stream().map(k -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("kty", "oct");
            m.put("kid", b64.encodeToString(k.kid()));
            m.put("k", b64.encodeToString(k.key()));
            return m;
        }).toList();
        Map<String, Object> licence = new LinkedHashMap<>();
        licence.put("keys", jwks);
        licence.put("type", "temporary");
        return licence;
    }
}
