package org.reeltrace.drm.cenc;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Encrypts or decrypts one sample in place under one of the four schemes (ISO/IEC 23001-7 §9-10):
 * cenc = AES-CTR over the protected ranges as one keystream; cens = the same with a crypt:skip block
 * pattern; cbc1 = AES-CBC chained over the protected ranges; cbcs = AES-CBC with a pattern, the IV
 * reset at each subsample. Partial trailing blocks stay clear in the CBC schemes and in patterns.
 *
 * <p>The JDK Cipher is only ever called out of place on at most {@link #PIECE} bytes: in place it
 * copies its whole input first (garbage the size of the sample, and a heap that grows to hundreds
 * of MB), and with few large calls HotSpot takes seconds to reach its AES-CTR/CBC intrinsics (a
 * few thousand calls of the same shape get it there; see {@link CipherWarmUp}). Pattern schemes
 * gather the crypt blocks of a range into one contiguous piece, so one call replaces one per
 * crypt block: the chain (CBC) or keystream (CTR) over the crypt blocks is the same either way.
 */
final class SampleCipher {
    /** Largest single Cipher call; a multiple of 16 so CBC calls stay block-aligned. */
    static final int PIECE = 16 << 10;
    private final Scheme scheme;
    private final int crypt;
    private final int skip;
    private final SecretKeySpec key;
    private final Cipher cipher;
    private final int mode;
    private final PatternTail tail;
    private final byte[] plain = new byte[PIECE];
    private final byte[] done = new byte[PIECE];
    private final byte[] iv16 = new byte[16];

    SampleCipher(TrackEncryption track, byte[] key, boolean encrypt, PatternTail tail) throws GeneralSecurityException {
        this.tail = tail;
        this.scheme = track.scheme();
        boolean noPattern = track.cryptBlocks() == 0 && track.skipBlocks() == 0;
        this.crypt = noPattern ? 1 : track.cryptBlocks();
        this.skip = noPattern ? 0 : track.skipBlocks();
        this.key = new SecretKeySpec(key, "AES");
        this.mode = encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
        this.cipher = Cipher.getInstance(scheme.cbc() ? "AES/CBC/NoPadding" : "AES/CTR/NoPadding");
    }

    /** Transforms {@code buf[off, off+len)} in place. */
    void apply(byte[] buf, int off, int len, SampleEncryption enc, byte[] iv) throws GeneralSecurityException, CencFormatException {
        int[] clear = enc.hasSubsamples() ? enc.clear() : null;
        int[] prot = enc.hasSubsamples() ? enc.protectedBytes() : null;
        int ranges = clear == null ? 1 : clear.length;
        long total = 0;
        for (int i = 0; i < ranges; i++) {
            total += clear == null ? len : clear[i] + (long) prot[i];
        }
        if (total > len) {
            throw new CencFormatException("sample", "subsample sizes (" + total + ") exceed the sample size (" + len + ")");
        }
        Arrays.fill(iv16, (byte) 0);
        System.arraycopy(iv, 0, iv16, 0, Math.min(16, iv.length));
        init();
        int pos = off;
        for (int i = 0; i < ranges; i++) {
            pos += clear == null ? 0 : clear[i];
            int p = clear == null ? len : prot[i];
            switch (scheme) {
                case CENC -> contiguous(buf, pos, p);
                case CBC1 -> contiguous(buf, pos, p - p % 16);
                case CENS -> pattern(buf, pos, p);
                case CBCS -> {
                    init();
                    pattern(buf, pos, p);
                }
            }
            pos += p;
        }
    }

    private void init() throws GeneralSecurityException {
        cipher.init(mode, key, new IvParameterSpec(iv16));
    }

    /** The whole range, in pieces; the cipher's state (keystream position, CBC chain) carries across them. */
    private void contiguous(byte[] buf, int pos, int len) throws GeneralSecurityException {
        for (int end = pos + len; pos < end; ) {
            int n = Math.min(PIECE, end - pos);
            int out = cipher.update(buf, pos, n, done, 0);
            System.arraycopy(done, 0, buf, pos, out);
            pos += n;
        }
    }

    /**
     * crypt blocks transformed, skip blocks left, repeating; a trailing run of fewer than crypt whole blocks
     * is transformed unless the tail convention leaves it clear; a trailing partial block stays clear.
     */
    private void pattern(byte[] buf, int pos, int len) throws GeneralSecurityException {
        int end = pos + len;
        int cryptBytes = crypt * 16;
        int stride = cryptBytes + skip * 16;
        int run = pos;
        while (run < end) {
            // gather up to PIECE bytes of crypt blocks starting at run
            int filled = 0;
            int at = run;
            while (at < end && filled + cryptBytes <= PIECE) {
                int n = Math.min(cryptBytes, (end - at) / 16 * 16);
                if (n == 0 || n < cryptBytes && tail == PatternTail.CLEAR) {
                    at = end;
                    break;
                }
                System.arraycopy(buf, at, plain, filled, n);
                filled += n;
                at += stride;
            }
            if (filled > 0) {
                cipher.update(plain, 0, filled, done, 0);
                // scatter back to the same places
                int from = 0;
                for (int b = run; from < filled; b += stride) {
                    int n = Math.min(cryptBytes, filled - from);
                    System.arraycopy(done, from, buf, b, n);
                    from += n;
                }
            }
            run = at;
        }
    }
}
