package org.reeltrace.watermark;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/** A 32-byte watermark secret; everything the pattern needs is derived from it (docs/spec/watermark-v2.md). */
public final class WatermarkKey {
    static final String LABEL_PREFIX = "reeltrace/watermark/v2/";
    private final byte[] secret;

    private WatermarkKey(byte[] secret) {
        this.secret = secret;
    }

    public static WatermarkKey of(byte[] secret32) {
        if (secret32 == null || secret32.length != 32) {
            throw new IllegalArgumentException("a watermark key is exactly 32 bytes");
        }
        return new WatermarkKey(secret32.clone());
    }

    /**
     * {@code length} bytes of HMAC-SHA256(secret, LABEL_PREFIX + label || be32(counter)) blocks,
     * counter 0, 1, 2, ...
     */
    byte[] stream(String label, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] prefix = (LABEL_PREFIX + label).getBytes(StandardCharsets.US_ASCII);
            byte[] out = new byte[length];
            for (int counter = 0, pos = 0; pos < length; counter++, pos += 32) {
                mac.update(prefix);
                mac.update(new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter});
                byte[] block = mac.doFinal();
                System.arraycopy(block, 0, out, pos, Math.min(32, length - pos));
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WatermarkKey k && java.security.MessageDigest.isEqual(secret, k.secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(secret);
    }

    @Override
    public String toString() {
        return "WatermarkKey[secret hidden]";
    }
}
