package org.reeltrace.drm.keys;

import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

import java.security.SecureRandom;
import java.util.Optional;

/** A recipient's X25519 private key (RFC 7748 scalar, 32 bytes) with its public key. */
public final class RecipientKey {
    private final X25519PrivateKeyParameters priv;

    public RecipientKey(byte[] scalar) {
        this.priv = new X25519PrivateKeyParameters(scalar, 0);
    }

    public static RecipientKey generate(SecureRandom random) {
        byte[] k = new byte[32];
        random.nextBytes(k);
        return new RecipientKey(k);
    }

    public RecipientPublicKey publicKey() {
        return new RecipientPublicKey(priv.generatePublicKey().getEncoded());
    }

    /** X25519(this, peer); empty for a low-order peer point (all-zero shared secret). */
    public Optional<byte[]> agree(byte[] peerPublic) {
        X25519Agreement a = new X25519Agreement();
        a.init(priv);
        byte[] shared = new byte[32];
        try {
            a.calculateAgreement(new X25519PublicKeyParameters(peerPublic, 0), shared, 0);
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
        for (byte b : shared) {
            if (b != 0) {
                return Optional.of(shared);
            }
        }
        return Optional.empty();
    }

    byte[] scalar() {
        return priv.getEncoded();
    }
}
