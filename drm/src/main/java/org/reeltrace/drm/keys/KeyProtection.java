package org.reeltrace.drm.keys;

import org.bouncycastle.crypto.generators.SCrypt;
import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.DrmException.Kind;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Passphrase protection of a secret key (keys-v1): scrypt(N=2^logN, r, p) stretches the passphrase
 * into an AES-256-GCM key; the parameters and salt are the associated data, so none can be altered.
 */
final class KeyProtection {
    static final int LOG_N = 15;
    static final int R = 8;
    static final int P = 1;
    private static final int SALT = 16;
    private static final int NONCE = 12;
    private static final int TAG = 16;
    /** 2^20 x 128 x r bytes = 1 GiB at r=8: a limit so a crafted key file cannot exhaust memory. */
    private static final int MAX_LOG_N = 20;

    private KeyProtection() {
    }

    static byte[] protect(KeyKind kind, byte[] key, char[] passphrase, SecureRandom random) {
        byte[] head = new byte[3 + SALT];
        head[0] = LOG_N;
        head[1] = R;
        head[2] = P;
        byte[] salt = new byte[SALT];
        random.nextBytes(salt);
        System.arraycopy(salt, 0, head, 3, SALT);
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        byte[] aeadKey = stretch(passphrase, salt, LOG_N, R, P);
        try {
            Cipher c = gcm(Cipher.ENCRYPT_MODE, aeadKey, nonce);
            c.updateAAD(aad(kind, head));
            byte[] ct = c.doFinal(key);
            return ByteBuffer.allocate(head.length + NONCE + ct.length).put(head).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(aeadKey, (byte) 0);
        }
    }

    static byte[] unprotect(KeyKind kind, byte[] body, char[] passphrase, String where) throws DrmException {
        if (body.length != 3 + SALT + NONCE + kind.length() + TAG) {
            throw new DrmException(Kind.INVALID_INPUT, where + " holds a damaged passphrase-protected key");
        }
        int logN = body[0];
        int r = body[1];
        int p = body[2];
        if (logN < 10 || logN > MAX_LOG_N || r < 1 || r > 32 || p < 1 || p > 16) {
            throw new DrmException(Kind.INVALID_INPUT, where + " asks for unsupported scrypt parameters (logN "
                    + logN + ", r " + r + ", p " + p + ")");
        }
        byte[] head = Arrays.copyOf(body, 3 + SALT);
        byte[] salt = Arrays.copyOfRange(body, 3, 3 + SALT);
        byte[] nonce = Arrays.copyOfRange(body, head.length, head.length + NONCE);
        byte[] aeadKey = stretch(passphrase, salt, logN, r, p);
        try {
            Cipher c = gcm(Cipher.DECRYPT_MODE, aeadKey, nonce);
            c.updateAAD(aad(kind, head));
            return c.doFinal(body, head.length + NONCE, body.length - head.length - NONCE);
        } catch (AEADBadTagException e) {
            throw new DrmException(Kind.VERIFICATION_FAILED, "wrong passphrase for " + where,
                    "check --passphrase-file or REELTRACE_PASSPHRASE", null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(aeadKey, (byte) 0);
        }
    }

    static byte[] stretch(char[] passphrase, byte[] salt, int logN, int r, int p) {
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] pass = new byte[utf8.remaining()];
        utf8.get(pass);
        try {
            return SCrypt.generate(pass, salt, 1 << logN, r, p, 32);
        } finally {
            Arrays.fill(pass, (byte) 0);
            if (utf8.hasArray()) {
                Arrays.fill(utf8.array(), (byte) 0);
            }
        }
    }

    private static byte[] aad(KeyKind kind, byte[] head) {
        byte[] prefix = KeyText.prefix(kind, true).getBytes(StandardCharsets.US_ASCII);
        byte[] aad = Arrays.copyOf(prefix, prefix.length + head.length);
        System.arraycopy(head, 0, aad, prefix.length, head.length);
        return aad;
    }

    private static Cipher gcm(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG * 8, nonce));
        return c;
    }
}
