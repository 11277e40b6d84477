package org.reeltrace.fingerprint;

import org.reeltrace.media.LumaFrame;
import org.reeltrace.media.MediaException;
import org.reeltrace.media.QuarterTurns;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes decoded small luma planes (scaled inside FFmpeg), picks the decoded frame
 * nearest each point of a fixed time grid (so frame rate and VFR do not matter), removes bars found
 * in the opening seconds, and hashes the whole picture and its sub-regions.
 */
final class VideoHasher {
    /** decoded plane size: enough to see bars and to resample sub-regions, small enough to be cheap */
    static final int PLANE = 128;
    static final double GRID_STEP = 0.25;
    static final int REGION_STRIDE = 2;
    /** grid frames looked at before deciding the crop, and per picture-in-picture search */
    private static final int WINDOW = 40;

    private final int quarterTurns;
    private final VideoTrack track;
    private final DctHasher hasher = new DctHasher();
    private final float[] plane64 = new float[DctHasher.SIZE * DctHasher.SIZE];
    private final List<byte[]> pending = new ArrayList<>();
    private final double interval;
    private final byte[] previous = new byte[PLANE * PLANE];
    private CropBox crop;
    /** the picture-in-picture inset found in the frames being hashed, or null */
    private InsetDetector.Inset inset;
    private final boolean findInsets;
    private boolean previousIsLast; // does `previous` hold the last decoded frame?
    private boolean havePlane;
    private double previousTime = Double.NaN;
    private double firstTime = Double.NaN;
    private double last;
    private int next;

    /**
     * @param rotationDegrees display rotation of the stream (counter-clockwise, from its display matrix)
     * @param expectedSeconds container duration, to size the hash arrays (0 when unknown)
     * @param frameRate       nominal frame rate, to tell which pictures can be nearest a grid point
     * @param findInsets      search each window for a picture-in-picture inset (suspects only)
     */
    VideoHasher(double rotationDegrees, double expectedSeconds, double frameRate, boolean findInsets) {
        this.findInsets = findInsets;
        this.quarterTurns = QuarterTurns.upright(rotationDegrees);
        this.track = new VideoTrack(GRID_STEP, REGION_STRIDE, (int) (expectedSeconds / GRID_STEP) + 8);
        this.interval = frameRate > 1 && frameRate < 1000 ? 1 / frameRate : 0.04;
    }

    /** Quarter turns (clockwise) that make the stored picture upright. */
    int quarterTurns() {
        return quarterTurns;
    }

    record Result(VideoTrack track, CropBox crop, double lastTimestamp) {
    }

    /**
     * Whether the picture shown at {@code timestamp} (seconds, stream clock) can be the one nearest
     * to a grid point, i.e. must be decoded, scaled and converted. Only pictures within 1.5 frame
     * intervals of a grid point can be (the nearest is within half an interval at a constant rate);
     * the others need not be converted, nor decoded at all when nothing refers to them.
     */
    boolean wantsPictureAt(double timestamp) {
        if (Double.isNaN(firstTime)) {
            return true; // the grid starts at the first picture
        }
        double t = timestamp - firstTime;
        double g = Math.round(t / GRID_STEP) * GRID_STEP;
        return Math.abs(t - g) <= 1.5 * interval;
    }

    /** The next decoded picture in presentation order (pixels null when it was not converted). */
    void accept(LumaFrame frame) throws MediaException {
        if (frame.pixels() != null && (frame.width() != PLANE || frame.height() != PLANE)) {
            throw new MediaException(MediaException.Kind.ENVIRONMENT,
                    "decoder returned " + frame.width() + "x" + frame.height() + " instead of " + PLANE + "x" + PLANE);
        }
        if (Double.isNaN(firstTime)) {
            firstTime = frame.timestamp();
        }
        double t = frame.timestamp() - firstTime;
        if (!Double.isNaN(previousTime) && t < previousTime) {
            return; // out-of-order timestamp from a damaged stream
        }
        while (next * GRID_STEP <= t) {
            double g = next * GRID_STEP;
            boolean usePrevious = frame.pixels() == null
                    || (previousIsLast && !Double.isNaN(previousTime) && g - previousTime < t - g);
            if (usePrevious && havePlane) {
                accept(previous);
            } else if (!usePrevious) {
                accept(frame.pixels());
            }
            next++;
        }
        if (frame.pixels() != null) {
            System.arraycopy(frame.pixels(), 0, previous, 0, previous.length);
            havePlane = true;
        }
        previousIsLast = frame.pixels() != null;
        previousTime = t;
        last = t;
    }

    /** Hashes what is still pending and returns the track. */
    Result finish() {
        flush();
        track.trim();
        return new Result(track, crop == null ? CropBox.full(PLANE, PLANE) : crop, last);
    }

    private void accept(byte[] pixels) {
        byte[] upright = new byte[PLANE * PLANE];
        QuarterTurns.rotate(pixels, PLANE, PLANE, quarterTurns, upright);
        // windows of planes: the first decides the crop; each is searched for an inset
        pending.add(upright);
        if (pending.size() >= WINDOW) {
            flush();
        }
    }

    private void flush() {
        if (crop == null) {
            crop = BarDetector.detect(pending, PLANE, PLANE);
        }
        inset = findInsets ? InsetDetector.detect(pending, PLANE, crop) : null;
        for (byte[] p : pending) {
            hashPlane(p);
        }
        pending.clear();
    }

    private void hashPlane(byte[] p) {
        int i = track.append();
        PlaneResampler.resample(p, PLANE, crop.left(), crop.top(), crop.right(), crop.bottom(), plane64);
        track.quality[i] = (byte) hasher.hash(plane64, track.full, i, track.flip);
        if (inset != null) {
            PlaneResampler.resampleExact(p, PLANE,
                    crop.left() + inset.left() * crop.width(), crop.top() + inset.top() * crop.height(),
                    crop.left() + inset.right() * crop.width(), crop.top() + inset.bottom() * crop.height(), plane64);
            track.insetQuality[i] = (byte) hasher.hash(plane64, track.inset, i, null);
        }
        if (track.hasRegions(i)) {
            for (int r = 0; r < VideoTrack.REGIONS; r++) {
                double[] b = VideoTrack.REGION_BOUNDS[r];
                PlaneResampler.resample(p, PLANE,
                        crop.left() + b[0] * crop.width(), crop.top() + b[1] * crop.height(),
                        crop.left() + b[2] * crop.width(), crop.top() + b[3] * crop.height(), plane64);
                int ri = track.regionIndex(i, r);
                track.regionQuality[ri] = (byte) hasher.hash(plane64, track.regions, ri, null);
            }
        }
    }
}
