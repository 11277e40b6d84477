package org.reeltrace.drm.seal;

import org.reeltrace.drm.crypto.Hkdf;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;

/** The rtseal-v1 key derivations and the stanza key wrap (docs/spec/rtseal-v1.md, "Keys and labels"). */
final class KeySchedule {
    private KeySchedule() {
    }

    static byte[] wrapKey(byte[] shared, byte[] ephemeralPublic, byte[] recipientPublic) {
        byte[] salt = Arrays.copyOf(ephemeralPublic, 64);
        System.arraycopy(recipientPublic, 0, salt, 32, 32);
        return Hkdf.sha256(shared, salt, EnvelopeHeader.STANZA_LABEL, 32);
    }

    static byte[] macKey(byte[] fileKey) {
        return Hkdf.sha256(fileKey, new byte[0], EnvelopeHeader.MAC_LABEL, 32);
    }

    static byte[] payloadKey(byte[] fileKey, byte[] salt) {
        return Hkdf.sha256(fileKey, salt, EnvelopeHeader.PAYLOAD_LABEL, 32);
    }

    static byte[] wrap(byte[] wrapKey, byte[] fileKey) throws GeneralSecurityException {
        return zeroNonceGcm(Cipher.ENCRYPT_MODE, wrapKey).doFinal(fileKey);
    }

    static Optional<byte[]> unwrap(byte[] wrapKey, byte[] wrapped) throws GeneralSecurityException {
        try {
            return Optional.of(zeroNonceGcm(Cipher.DECRYPT_MODE, wrapKey).doFinal(wrapped));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        }
    }

    static byte[] mac(byte[] macKey, byte[] data) throws GeneralSecurityException {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(macKey, "HmacSHA256"));
        return m.doFinal(data);
    }

    private static Cipher zeroNonceGcm(int mode, byte[] key) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, new byte[12]));
        return c;
    }
}
