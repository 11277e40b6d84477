package org.reeltrace.chain;

import org.bouncycastle.crypto.digests.KeccakDigest;

/** Keccak-256 (Ethereum's hash, not FIPS SHA3-256); one digest per thread, reused. */
final class Keccak {
    private static final ThreadLocal<KeccakDigest> DIGEST = ThreadLocal.withInitial(() -> new KeccakDigest(256));

    private Keccak() {
    }

    /** keccak256(prefix || a || b); b may be null. */
    static byte[] hash(byte prefix, byte[] a, byte[] b) {
        KeccakDigest d = DIGEST.get();
        d.reset();
        d.update(prefix);
        d.update(a, 0, a.length);
        if (b != null) {
            d.update(b, 0, b.length);
        }
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    static byte[] hash(byte[] data) {
        KeccakDigest d = DIGEST.get();
        d.reset();
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }
}
