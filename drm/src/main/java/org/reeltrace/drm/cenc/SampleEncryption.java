package org.reeltrace.drm.cenc;

/**
 * One sample's encryption parameters: IV (empty when the track uses a constant IV) and the
 * subsample map (clear, protected byte counts); no map means the whole sample is protected.
 */
public record SampleEncryption(byte[] iv, int[] clear, int[] protectedBytes) {
    public boolean hasSubsamples() {
        return clear != null;
    }

    /** Size of this sample's auxiliary information (saiz entry). */
    int auxSize() {
        return iv.length + (hasSubsamples() ? 2 + 6 * clear.length : 0);
    }
}
