package org.reeltrace.drm.seal;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gets the JIT to compile the AES-GCM and SHA-256 intrinsic paths before a large payload starts.
 * Sealing calls GCM once per 64 KiB chunk, so in a fresh JVM the compiler only reaches the
 * intrinsic after several hundred MiB and the first of them run at a tenth of the speed. A few
 * thousand 1 KiB operations on a throwaway key, on a background thread while the keys are read,
 * trigger the same compilations in a fraction of a second. Nothing here touches real keys or data.
 */
final class JitWarmUp {
    /** Below this content length the warm-up costs more than it saves. */
    static final long WORTH_IT = 64L << 20;
    private static final int ROUNDS = 3000;
    private static final int SIZE = 1024;
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private JitWarmUp() {
    }

    /** {@link #startFor(long)} with the size of {@code file}; a file that cannot be read is left to the real pass to report. */
    static void startFor(java.nio.file.Path file) {
        try {
            startFor(java.nio.file.Files.size(file));
        } catch (java.io.IOException | SecurityException e) {
            // not worth a warm-up; the real pass reports why the file cannot be read
        }
    }

    /** Starts the warm-up once per JVM, on a daemon thread, if {@code contentLength} makes it pay off. */
    static void startFor(long contentLength) {
        if (contentLength < WORTH_IT || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(JitWarmUp::run, "rtseal-jit-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
            byte[] plain = new byte[SIZE];
            byte[] sealed = new byte[SIZE + PayloadCipher.TAG];
            byte[] nonce = new byte[12];
            for (int i = 0; i < ROUNDS; i++) {
                nonce[0] = (byte) i;
                nonce[1] = (byte) (i >>> 8);
                GCMParameterSpec spec = new GCMParameterSpec(PayloadCipher.TAG * 8, nonce);
                gcm.init(Cipher.ENCRYPT_MODE, key, spec);
                int n = gcm.doFinal(plain, 0, SIZE, sealed, 0);
                gcm.init(Cipher.DECRYPT_MODE, key, spec);
                gcm.doFinal(sealed, 0, n, plain, 0);
                sha.update(plain, 0, SIZE);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // A warm-up that fails only leaves the JIT cold; the real pass reports real errors.
        }
    }
}
