package org.reeltrace.drm.cenc;

/**
 * How to wrap: scheme (cenc or cbcs), fragmented output (for MSE players), a DASH manifest beside
 * it, the target fragment duration in seconds (fragments start at video sync samples), and a clear
 * lead: samples that start within the first {@code clearLeadSeconds} stay unencrypted, signalled
 * with 'seig' sample groups (isProtected = 0); fragmented output rounds it up to whole fragments.
 */
public record WrapOptions(Scheme scheme, boolean fragment, boolean mpd, double fragmentSeconds, double clearLeadSeconds) {
    public WrapOptions {
        if (scheme != Scheme.CENC && scheme != Scheme.CBCS) {
            throw new IllegalArgumentException("reeltrace writes cenc and cbcs");
        }
        if (!(clearLeadSeconds >= 0) || Double.isInfinite(clearLeadSeconds)) {
            throw new IllegalArgumentException("the clear lead must be a finite number of seconds >= 0");
        }
        if (mpd) {
            fragment = true;
        }
    }

    public WrapOptions(Scheme scheme, boolean fragment, boolean mpd, double fragmentSeconds) {
        this(scheme, fragment, mpd, fragmentSeconds, 0);
    }

    public static WrapOptions progressive(Scheme scheme) {
        return new WrapOptions(scheme, false, false, 2.0);
    }
}
