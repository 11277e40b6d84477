package org.reeltrace.drm.cenc;

import org.junit.jupiter.api.Test;
import org.reeltrace.drm.DrmException;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CencKeysTest {
    @Test
    void parsesLinesCommentsUuidKidsAndTrackTargets() throws Exception {
        CencKeys k = CencKeys.parse("""
                # content keys
                01234567-89ab-cdef-0123-456789abcdef:00112233445566778899aabbccddeeff:video
                fedcba9876543210fedcba9876543210:ffeeddccbbaa99887766554433221100:audio
                """, "test");
        assertEquals(2, k.keys().size());
        assertEquals("0123456789abcdef0123456789abcdef", k.forTrack(1, "vide").orElseThrow().kidHex());
        assertEquals("fedcba9876543210fedcba9876543210", k.forTrack(2, "soun").orElseThrow().kidHex());
        assertTrue(k.forTrack(3, "text").isEmpty());
    }

    @Test
    void malformedLinesAreRefusedWithoutEchoingTheKey() {
        DrmException e = assertThrows(DrmException.class, () -> CencKeys.parse("0123:00112233445566778899aabbccddeeff", "test"));
        assertFalse(e.getMessage().contains("00112233445566778899aabbccddeeff"));
        assertThrows(DrmException.class, () -> CencKeys.parse("# nothing\n", "test"));
    }

    @Test
    void clearKeyLicenceIsBase64UrlJwk() throws Exception {
        Map<String, Object> licence = ClearKeyLicence.of(CencKeys.parse(
                "abba271e8bcf552bbd2e86a434a9a5d9:69eaa802a6763af979e8d1940fb88392", "test"));
        assertEquals("{keys=[{kty=oct, kid=q7onHovPVSu9LoakNKml2Q, k=aeqoAqZ2Ovl56NGUD7iDkg}], type=temporary}", licence.toString());
    }
}
