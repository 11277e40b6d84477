package org.reeltrace.drm.keys;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.security.SecureRandom;

/** An issuer's Ed25519 signing key (the 32-byte RFC 8032 seed) with its public key. */
public final class IssuerKey {
    private final Ed25519PrivateKeyParameters priv;

    public IssuerKey(byte[] seed) {
        this.priv = new Ed25519PrivateKeyParameters(seed, 0);
    }

    public static IssuerKey generate(SecureRandom random) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        return new IssuerKey(seed);
    }

    public IssuerPublicKey publicKey() {
        return new IssuerPublicKey(priv.generatePublicKey().getEncoded());
    }

    public byte[] sign(byte[] message) {
        Ed25519Signer s = new Ed25519Signer();
        s.init(true, priv);
        s.update(message, 0, message.length);
        return s.generateSignature();
    }

    byte[] seed() {
        return priv.getEncoded();
    }
}
