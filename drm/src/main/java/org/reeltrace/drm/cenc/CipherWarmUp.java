package org.reeltrace.drm.cenc;

import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gets HotSpot to compile the AES-CTR and AES-CBC intrinsic paths of {@link SampleCipher} before the
 * media data starts. A fresh JVM runs AES-CTR at about 0.2 GB/s in its Java fallback until C2 has
 * compiled the call chain with the intrinsic (3-4 GB/s here), which takes thousands of calls; a
 * 1 GB file gives only tens of thousands of calls in all, so without this most of it went by at
 * the slow speed. A few thousand small samples of the same shape (random IVs, so counter carries
 * are seen, and a few multi-piece samples) under a throwaway key, on a background thread while
 * the sample tables are parsed, take a few tens of milliseconds. No real key or data is touched.
 */
final class CipherWarmUp {
    /** Below this much media the warm-up costs more than it saves. */
    static final long WORTH_IT = 64L << 20;
    private static final int ROUNDS = 4000;
    private static final Set<String> STARTED = ConcurrentHashMap.newKeySet();

    private CipherWarmUp() {
    }

    /** Starts (once per scheme and direction in this JVM) a daemon warm-up for {@code schemes} if {@code mediaBytes} is worth it. */
    static void startFor(long mediaBytes, boolean encrypt, Collection<Scheme> schemes) {
        if (mediaBytes < WORTH_IT) {
            return;
        }
        List<Scheme> todo = schemes.stream().distinct().filter(s -> STARTED.add(s + (encrypt ? "+" : "-"))).toList();
        if (todo.isEmpty()) {
            return;
        }
        Thread t = new Thread(() -> run(encrypt, todo), "cenc-jit-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    static void run(boolean encrypt, List<Scheme> schemes) {
        try {
            byte[] kid = new byte[16];
            byte[][] keys = {new byte[16], new byte[16]};
            keys[1][0] = 1;
            byte[] buf = new byte[2 * SampleCipher.PIECE + 4096];
            SplittableRandom random = new SplittableRandom(1);
            for (Scheme scheme : schemes) {
                boolean pattern = scheme.pattern();
                TrackEncryption te = new TrackEncryption(scheme, true, scheme == Scheme.CBCS ? 0 : 8, kid, new byte[16],
                        pattern ? 1 : 0, pattern ? 9 : 0);
                // two ciphers under two keys, as the lanes each have their own and audio and video may differ
                SampleCipher[] ciphers = {new SampleCipher(te, keys[0], encrypt, PatternTail.ENCRYPTED),
                    new SampleCipher(te, keys[1], encrypt, PatternTail.ENCRYPTED)};
                byte[] iv = new byte[8];
                for (int i = 0; i < ROUNDS; i++) {
                    random.nextBytes(iv);
                    // mostly small samples (many calls), some tiny (partial blocks), a few over two pieces
                    int size = i % 64 == 0 ? buf.length : i % 4 == 0 ? 1 + random.nextInt(48) : 64 + random.nextInt(1024);
                    int clear = random.nextInt(Math.min(32, size));
                    int first = random.nextInt(size - clear + 1);
                    SampleEncryption enc = i % 2 == 0
                            ? new SampleEncryption(iv, new int[] {clear, 0}, new int[] {first, size - clear - first})
                            : new SampleEncryption(iv, null, null);
                    ciphers[(i >> 4) & 1].apply(buf, 0, size, enc, scheme == Scheme.CBCS ? te.constantIv() : iv);
                }
            }
        } catch (GeneralSecurityException | CencFormatException | RuntimeException e) {
            // a warm-up that fails only leaves the JIT cold; the real pass reports real errors
        }
    }
}
