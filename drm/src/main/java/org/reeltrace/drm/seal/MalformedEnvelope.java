package org.reeltrace.drm.seal;

/** A structural defect in an envelope header; callers turn it into a DrmException of the right kind. */
final class MalformedEnvelope extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedEnvelope(String message) {
        super(message, null, false, false);
    }
}
