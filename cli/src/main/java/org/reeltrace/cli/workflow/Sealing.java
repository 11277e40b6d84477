package org.reeltrace.cli.workflow;

import java.nio.file.Path;

/** Seals a recipient's copy to the recipient's public key under a licence signed by the issuer. */
public interface Sealing {
    record Sealed(Path file, String licenceId) {
    }

    Sealed seal(Path copy, RecipientList.Recipient recipient, long payload, String copySha256) throws Exception;
}
