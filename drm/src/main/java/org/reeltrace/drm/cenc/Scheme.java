package org.reeltrace.drm.cenc;

import java.util.Arrays;
import java.util.Optional;

/** The four ISO/IEC 23001-7 protection schemes. */
public enum Scheme {
    CENC("cenc", false, false),
    CENS("cens", false, true),
    CBC1("cbc1", true, false),
    CBCS("cbcs", true, true);

    private final String fourcc;
    private final boolean cbc;
    private final boolean pattern;

    Scheme(String fourcc, boolean cbc, boolean pattern) {
        this.fourcc = fourcc;
        this.cbc = cbc;
        this.pattern = pattern;
    }

    public String fourcc() {
        return fourcc;
    }

    public boolean cbc() {
        return cbc;
    }

    public boolean pattern() {
        return pattern;
    }

    public static Optional<Scheme> of(String fourcc) {
        return Arrays.stream(values()).filter(s -> s.fourcc.equals(fourcc)).findFirst();
    }
}
