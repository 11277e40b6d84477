package org.reeltrace.drm.seal;

import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.DrmException.Kind;
import org.reeltrace.drm.keys.IssuerKey;
import org.reeltrace.drm.keys.IssuerPublicKey;
import org.reeltrace.drm.keys.KeyFiles;
import org.reeltrace.drm.keys.Passphrase;
import org.reeltrace.drm.keys.RecipientKey;
import org.reeltrace.drm.keys.RecipientPublicKey;
import org.reeltrace.drm.keys.WrongKeyKind;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Seal and open with keys given as files and texts, as the command line and the release workflow have them. */
public final class Sealer {
    private Sealer() {
    }

    public static SealResult seal(Path in, Path out, List<String> recipientsTextOrFile, Path issuerKeyFile, Passphrase passphrase,
                                  LicenceTerms terms) throws DrmException {
        List<RecipientPublicKey> recipients = new ArrayList<>();
        for (String r : recipientsTextOrFile) {
            recipients.add(KeyFiles.recipientPublicKey(r));
        }
        IssuerKey issuer = KeyFiles.readIssuerKey(issuerKeyFile, passphrase);
        return SealedEnvelopeWriter.seal(in, out, recipients, issuer, terms);
    }

    /**
     * Opens {@code in} for the identity in {@code identityFile}. A key of the wrong kind (an issuer key as
     * identity, a recipient key as issuer) fails verification like a wrong key does (exit 4), with a hint.
     */
    public static SealResult open(Path in, Path out, Path identityFile, Passphrase passphrase, Optional<String> issuerTextOrFile,
                                  Clock clock) throws DrmException {
        RecipientKey identity;
        Optional<IssuerPublicKey> issuer;
        try {
            identity = KeyFiles.readRecipientKey(identityFile, passphrase);
            issuer = issuerTextOrFile.isPresent() ? Optional.of(KeyFiles.issuerPublicKey(issuerTextOrFile.get())) : Optional.empty();
        } catch (WrongKeyKind e) {
            throw new DrmException(Kind.VERIFICATION_FAILED, "cannot open \"" + in + "\": " + e.getMessage(),
                    e.hint().orElse(null), e);
        }
        return SealedEnvelopeReader.open(in, out, identity, issuer, clock);
    }
}
