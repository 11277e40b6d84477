package org.reeltrace.fingerprint;

import java.util.Arrays;

/**
 * Frame hashes on a fixed time grid: frame {@code i} stands for time {@code i * gridStep}.
 * Every frame has a whole-picture hash, its mirror-image hash and a quality; every
 * {@code regionStride}-th frame also has the hashes of {@link #REGIONS} sub-regions.
 */
final class VideoTrack {
    /**
     * Sub-regions as fractions of the (bar-free) picture: the centre half, the four quadrants
     * (top-left, top-right, bottom-left, bottom-right) and the inner 80% (a 10%-per-side crop).
     */
    static final int REGIONS = 6;
    static final int INNER = 5;
    static final double[][] REGION_BOUNDS = {
            {0.25, 0.25, 0.75, 0.75}, {0, 0, 0.5, 0.5}, {0.5, 0, 1, 0.5}, {0, 0.5, 0.5, 1}, {0.5, 0.5, 1, 1}, {0.1, 0.1, 0.9, 0.9}};

    final double gridStep;
    final int regionStride;
    int count;
    long[] full;
    long[] flip;
    byte[] quality;
    long[] regions;
    byte[] regionQuality;
    /**
     * Hash and quality of a picture-in-picture inset found in the picture ({@link InsetDetector}) on
     * every frame; quality 0 where none was found. Computed on extraction for the query side and
     * not stored in .rtfp version 1.
     */
    long[] inset;
    byte[] insetQuality;

    VideoTrack(double gridStep, int regionStride, int capacity) {
        this.gridStep = gridStep;
        this.regionStride = regionStride;
        int c = Math.max(16, capacity);
        full = new long[c * Hashes.LONGS];
        flip = new long[c * Hashes.LONGS];
        quality = new byte[c];
        int rc = regionFrames(c);
        regions = new long[rc * REGIONS * Hashes.LONGS];
        regionQuality = new byte[rc * REGIONS];
        inset = new long[c * Hashes.LONGS];
        insetQuality = new byte[c];
    }

    int regionFrames(int frames) {
        return (frames + regionStride - 1) / regionStride;
    }

    boolean hasRegions(int frame) {
        return frame % regionStride == 0;
    }

    /** Index into {@link #regions} (in hashes) of region {@code r} of frame {@code frame}. */
    int regionIndex(int frame, int r) {
        return frame / regionStride * REGIONS + r;
    }

    int insetQuality(int frame) {
        return insetQuality[frame] & 0xff;
    }

    int quality(int frame) {
        return quality[frame] & 0xff;
    }

    int regionQuality(int frame, int r) {
        return regionQuality[regionIndex(frame, r)] & 0xff;
    }

    /** Makes room for frame {@code count} and returns its index. */
    int append() {
        if (count == quality.length) {
            int c = quality.length * 2;
            full = Arrays.copyOf(full, c * Hashes.LONGS);
            flip = Arrays.copyOf(flip, c * Hashes.LONGS);
            quality = Arrays.copyOf(quality, c);
            int rc = regionFrames(c);
            regions = Arrays.copyOf(regions, rc * REGIONS * Hashes.LONGS);
            regionQuality = Arrays.copyOf(regionQuality, rc * REGIONS);
            inset = Arrays.copyOf(inset, c * Hashes.LONGS);
            insetQuality = Arrays.copyOf(insetQuality, c);
        }
        return count++;
    }

    void trim() {
        full = Arrays.copyOf(full, count * Hashes.LONGS);
        flip = Arrays.copyOf(flip, count * Hashes.LONGS);
        quality = Arrays.copyOf(quality, count);
        int rc = regionFrames(count);
        regions = Arrays.copyOf(regions, rc * REGIONS * Hashes.LONGS);
        regionQuality = Arrays.copyOf(regionQuality, rc * REGIONS);
        inset = Arrays.copyOf(inset, count * Hashes.LONGS);
        insetQuality = Arrays.copyOf(insetQuality, count);
    }
}
