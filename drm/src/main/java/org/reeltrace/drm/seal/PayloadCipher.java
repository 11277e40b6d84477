package org.reeltrace.drm.seal;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;

/** STREAM over AES-256-GCM: chunk i uses nonce = 11-byte big-endian i || last flag (rtseal-v1). */
final class PayloadCipher {
    static final int CHUNK = 64 * 1024;
    static final int TAG = 16;

    private final Cipher cipher;
    private final SecretKeySpec key;
    private final byte[] nonce = new byte[12];

    PayloadCipher(byte[] payloadKey) throws GeneralSecurityException {
        this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        this.key = new SecretKeySpec(payloadKey, "AES");
    }

    static long chunks(long contentLength) {
        return Math.max(1, (contentLength + CHUNK - 1) / CHUNK);
    }

    static long payloadLength(long contentLength) {
        return contentLength + TAG * chunks(contentLength);
    }

    /** Encrypts {@code len} bytes of {@code in} into {@code out}; returns the ciphertext length (len + 16). */
    int seal(long index, boolean last, byte[] in, int len, byte[] out) throws GeneralSecurityException {
        cipher.init(Cipher.ENCRYPT_MODE, key, spec(index, last));
        return cipher.doFinal(in, 0, len, out, 0);
    }

    /** Decrypts and verifies one chunk; throws {@link javax.crypto.AEADBadTagException} on any change. */
    int open(long index, boolean last, byte[] in, int len, byte[] out) throws GeneralSecurityException {
        cipher.init(Cipher.DECRYPT_MODE, key, spec(index, last));
        return cipher.doFinal(in, 0, len, out, 0);
    }

    private GCMParameterSpec spec(long index, boolean last) {
        for (int i = 0; i < 8; i++) {
            nonce[3 + i] = (byte) (index >>> (56 - 8 * i));
        }
        nonce[11] = (byte) (last ? 1 : 0);
        return new GCMParameterSpec(TAG * 8, nonce);
    }
}
