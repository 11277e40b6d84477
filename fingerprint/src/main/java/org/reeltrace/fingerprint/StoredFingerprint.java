package org.reeltrace.fingerprint;

/**
 * A catalogued fingerprint read only as far as matching needs: the header, then the time windows
 * the index votes point at. Decoding and checksumming a one-hour work (3.5 MB) for every
 * candidate cost more than aligning it, and most candidates of a large catalog are chance votes;
 * the checksum is checked ({@link #verify}) for the works that match.
 */
final class StoredFingerprint {
    private final byte[] bytes;
    private final RtfpCodec.Layout layout;

    private StoredFingerprint(byte[] bytes, RtfpCodec.Layout layout) {
        this.bytes = bytes;
        this.layout = layout;
    }

    static StoredFingerprint of(byte[] bytes) throws FingerprintException {
        try {
            return new StoredFingerprint(bytes, RtfpCodec.layout(bytes));
        } catch (RtfpCodec.MalformedException e) {
            throw malformed(e);
        }
    }

    double durationSeconds() {
        return layout.durationSeconds();
    }

    /** {@code decode(bytes).slice(from, to)}, reading only that window. */
    Fingerprint slice(double from, double to) throws FingerprintException {
        try {
            return RtfpCodec.slice(bytes, layout, from, to);
        } catch (RtfpCodec.MalformedException e) {
            throw malformed(e);
        }
    }

    /** Where {@link #slice} starts for a window starting at {@code from}. */
    double sliceStart(double from) {
        if (!layout.hasVideo()) {
            return Math.round(Math.max(0, from) / layout.hopSeconds()) * layout.hopSeconds();
        }
        int a = Math.max(0, (int) Math.floor(from / layout.gridStep()));
        a -= a % layout.regionStride();
        return a * layout.gridStep();
    }

    /** Checks the whole encoding's checksum: a stored fingerprint must be intact before a match on it is reported. */
    void verify() throws FingerprintException {
        try {
            RtfpCodec.verify(bytes);
        } catch (RtfpCodec.MalformedException e) {
            throw malformed(e);
        }
    }

    private static FingerprintException malformed(RtfpCodec.MalformedException e) {
        return new FingerprintException(FingerprintException.Kind.INVALID_INPUT, "not a valid .rtfp: " + e.getMessage(), e);
    }
}
