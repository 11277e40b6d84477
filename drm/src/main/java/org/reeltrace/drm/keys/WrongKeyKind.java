package org.reeltrace.drm.keys;

import org.reeltrace.drm.DrmException;

/** A valid key of another kind than the one asked for (an issuer key given as identity, ...). */
public final class WrongKeyKind extends DrmException {
    private static final long serialVersionUID = 1L;

    WrongKeyKind(String message, String hint) {
        super(Kind.INVALID_INPUT, message, hint, null);
    }
}
