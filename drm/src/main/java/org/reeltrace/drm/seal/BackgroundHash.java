package org.reeltrace.drm.seal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * SHA-256 of the plaintext computed on a second thread while the caller encrypts or decrypts, so
 * hashing and AES-GCM overlap. The caller must not reuse a buffer until {@link #await()} returns
 * for the update that reads it (double buffering).
 */
final class BackgroundHash implements AutoCloseable {
    private final MessageDigest sha;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rtseal-sha256");
        t.setDaemon(true);
        return t;
    });
    private Future<?> pending;

    BackgroundHash() {
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the previous update, then hashes {@code buf[0, len)} in the background. */
    void update(byte[] buf, int len) {
        await();
        pending = worker.submit(() -> sha.update(buf, 0, len));
    }

    /** Waits until every submitted update is done. */
    void await() {
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing failed", e.getCause());
        }
        pending = null;
    }

    byte[] digest() {
        await();
        return sha.digest();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
