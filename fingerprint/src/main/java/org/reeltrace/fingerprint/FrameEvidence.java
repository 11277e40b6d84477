package org.reeltrace.fingerprint;

/**
 * How one query frame is compared with one reference frame, in four modes:
 * WHOLE (whole picture, or its mirror image), CROPPED (the whole query picture against the
 * reference's inner 80%: a cropped or zoomed copy), INSET (a query sub-region, or the inset that
 * {@link InsetDetector} found anywhere in the query picture, against the whole
 * reference picture: picture-in-picture, added borders) and REGIONS (the same sub-region on both
 * sides: big logos, subtitles or overlays covering part of the picture). Distances are Hamming distances of 256-bit
 * hashes; -1 means "not informative" (a flat picture, or no region hashes on this frame).
 */
enum FrameEvidence {
    WHOLE, CROPPED, INSET, REGIONS;

    /** frames flatter than this are kept for timing but never count as evidence */
    static final int MIN_QUALITY = 12;

    int distance(VideoTrack q, int i, VideoTrack r, int j) {
        return switch (this) {
            case WHOLE -> whole(q, i, r, j);
            case CROPPED -> cropped(q, i, r, j);
            case INSET -> inset(q, i, r, j);
            case REGIONS -> regions(q, i, r, j);
        };
    }

    /** Whether query frame {@code i} can give evidence in this mode at all. */
    boolean informative(VideoTrack q, int i) {
        if (this == WHOLE || this == CROPPED) {
            return q.quality(i) >= MIN_QUALITY;
        }
        if (this == INSET && q.insetQuality(i) >= MIN_QUALITY) {
            return true;
        }
        if (!q.hasRegions(i)) {
            return false;
        }
        for (int g = 0; g < VideoTrack.REGIONS; g++) {
            if (q.regionQuality(i, g) >= MIN_QUALITY) {
                return true;
            }
        }
        return false;
    }

    /**
     * For each reference frame {@code j} that carries this mode's reference hash: by how much the
     * distance of any query frame can fall from {@code j} to the next such frame (triangle
     * inequality on the reference hashes); 0 on frames without one. {@link Hashes#BITS} where no
     * bound holds. Lets the aligner skip reference frames that cannot come within reach.
     */
    int[] referenceDrops(VideoTrack r) {
        int[] drops = new int[r.count];
        for (int j = 0; j < r.count; j++) {
            drops[j] = switch (this) {
                case WHOLE, INSET -> j + 1 < r.count ? Hashes.distance(r.full, j, r.full, j + 1) : Hashes.BITS;
                case CROPPED -> !r.hasRegions(j) ? 0 : j + r.regionStride < r.count
                        ? Hashes.distance(r.regions, r.regionIndex(j, VideoTrack.INNER), r.regions, r.regionIndex(j + r.regionStride, VideoTrack.INNER))
                        : Hashes.BITS;
                case REGIONS -> !r.hasRegions(j) ? 0 : j + r.regionStride < r.count ? regionsDrop(r, j, j + r.regionStride) : Hashes.BITS;
            };
        }
        return drops;
    }

    /** Whether reference frame {@code j} carries this mode's reference hash (frames between region frames do not). */
    boolean hashed(VideoTrack r, int j) {
        return this == WHOLE || this == INSET || r.hasRegions(j);
    }

    private static int regionsDrop(VideoTrack r, int j, int next) {
        int drop = 0;
        for (int g = 0; g < VideoTrack.REGIONS; g++) {
            if ((r.regionQuality(j, g) >= MIN_QUALITY) != (r.regionQuality(next, g) >= MIN_QUALITY)) {
                return Hashes.BITS; // another set of regions is compared there: no bound
            }
            drop = Math.max(drop, Hashes.distance(r.regions, r.regionIndex(j, g), r.regions, r.regionIndex(next, g)));
        }
        return drop;
    }

    private static int whole(VideoTrack q, int i, VideoTrack r, int j) {
        if (q.quality(i) < MIN_QUALITY || r.quality(j) < MIN_QUALITY) {
            return -1;
        }
        return Math.min(Hashes.distance(q.full, i, r.full, j), Hashes.distance(q.flip, i, r.full, j));
    }

    private static int cropped(VideoTrack q, int i, VideoTrack r, int j) {
        if (q.quality(i) < MIN_QUALITY || !r.hasRegions(j) || r.regionQuality(j, VideoTrack.INNER) < MIN_QUALITY) {
            return -1;
        }
        int ri = r.regionIndex(j, VideoTrack.INNER);
        return Math.min(Hashes.distance(q.full, i, r.regions, ri), Hashes.distance(q.flip, i, r.regions, ri));
    }

    private static int inset(VideoTrack q, int i, VideoTrack r, int j) {
        if (r.quality(j) < MIN_QUALITY) {
            return -1;
        }
        int best = -1;
        for (int g = 0; g < VideoTrack.REGIONS && q.hasRegions(i); g++) {
            if (q.regionQuality(i, g) >= MIN_QUALITY) {
                int d = Hashes.distance(q.regions, q.regionIndex(i, g), r.full, j);
                best = best < 0 ? d : Math.min(best, d);
            }
        }
        // an inset found anywhere in the picture (InsetDetector), off the fixed region grid
        if (q.insetQuality(i) >= MIN_QUALITY) {
            int d = Hashes.distance(q.inset, i, r.full, j);
            best = best < 0 ? d : Math.min(best, d);
        }
        return best;
    }

    private static int regions(VideoTrack q, int i, VideoTrack r, int j) {
        if (!q.hasRegions(i) || !r.hasRegions(j)) {
            return -1;
        }
        int best = -1;
        for (int g = 0; g < VideoTrack.REGIONS; g++) {
            if (q.regionQuality(i, g) >= MIN_QUALITY && r.regionQuality(j, g) >= MIN_QUALITY) {
                int d = Hashes.distance(q.regions, q.regionIndex(i, g), r.regions, r.regionIndex(j, g));
                best = best < 0 ? d : Math.min(best, d);
            }
        }
        return best;
    }
}
