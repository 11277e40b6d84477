package org.reeltrace.drm.cenc;

/**
 * How to wrap: scheme (cenc or cbcs), fragmented output (for MSE players), a DASH manifest beside
 * it, and the target fragment duration in seconds (fragments start at video sync samples).
 */
public record WrapOptions(Scheme scheme, boolean fragment, boolean mpd, double fragmentSeconds) {
    public WrapOptions {
        if (scheme != Scheme.CENC && scheme != Scheme.CBCS) {
            throw new IllegalArgumentException("reeltrace writes cenc and cbcs");
        }
        if (mpd) {
            fragment = true;
        }
    }

    public static WrapOptions progressive(Scheme scheme) {
        return new WrapOptions(scheme, false, false, 2.0);
    }
}
