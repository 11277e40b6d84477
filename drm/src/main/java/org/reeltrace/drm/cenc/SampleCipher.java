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
 */
final class SampleCipher {
    private final Scheme scheme;
    private final int crypt;
    private final int skip;
    private final SecretKeySpec key;
    private final Cipher cipher;
    private final int mode;
    private final PatternTail tail;

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
        int[] clear = enc.hasSubsamples() ? enc.clear() : new int[] {0};
        int[] prot = enc.hasSubsamples() ? enc.protectedBytes() : new int[] {len};
        long total = 0;
        for (int i = 0; i < clear.length; i++) {
            total += clear[i] + (long) prot[i];
        }
        if (total > len) {
            throw new CencFormatException("sample", "subsample sizes (" + total + ") exceed the sample size (" + len + ")");
        }
        byte[] iv16 = Arrays.copyOf(iv, 16);
        cipher.init(mode, key, new IvParameterSpec(iv16));
        int pos = off;
        for (int i = 0; i < clear.length; i++) {
            pos += clear[i];
            int p = prot[i];
            switch (scheme) {
                case CENC -> cipher.update(buf, pos, p, buf, pos);
                case CBC1 -> {
                    int whole = p - p % 16;
                    if (whole > 0) {
                        cipher.update(buf, pos, whole, buf, pos);
                    }
                }
                case CENS -> pattern(buf, pos, p);
                case CBCS -> {
                    cipher.init(mode, key, new IvParameterSpec(iv16));
                    pattern(buf, pos, p);
                }
            }
            pos += p;
        }
    }

    /** crypt blocks transformed, skip blocks left, repeating; a trailing partial block stays clear. */
    private void pattern(byte[] buf, int pos, int len) throws GeneralSecurityException {
        int end = pos + len;
        while (end - pos >= 16) {
            int n = Math.min(crypt * 16, (end - pos) / 16 * 16);
            if (n < crypt * 16 && tail == PatternTail.CLEAR) {
                break;
            }
            cipher.update(buf, pos, n, buf, pos);
            pos += n + skip * 16;
        }
    }
}
