package org.reeltrace.drm.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

import java.nio.charset.StandardCharsets;

/** HKDF-SHA256 (RFC 5869). */
public final class Hkdf {
    private Hkdf() {
    }

    public static byte[] sha256(byte[] ikm, byte[] salt, byte[] info, int length) {
        HKDFBytesGenerator g = new HKDFBytesGenerator(new SHA256Digest());
        g.init(new HKDFParameters(ikm, salt, info));
        byte[] out = new byte[length];
        g.generateBytes(out, 0, length);
        return out;
    }

    public static byte[] sha256(byte[] ikm, byte[] salt, String label, int length) {
        return sha256(ikm, salt, label.getBytes(StandardCharsets.US_ASCII), length);
    }
}
