package org.reeltrace.fingerprint;

import org.reeltrace.media.LumaFrame;
import org.reeltrace.media.LumaFrameReader;
import org.reeltrace.media.MediaException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a video stream to small luma planes (scaled inside FFmpeg), picks the decoded frame
 * nearest each point of a fixed time grid (so frame rate and VFR do not matter), removes bars found
 * in the opening seconds, and hashes the whole picture and its sub-regions.
 */
final class VideoHasher {
    /** decoded plane size: enough to see bars and to resample sub-regions, small enough to be cheap */
    static final int PLANE = 128;
    static final double GRID_STEP = 0.25;
    static final int REGION_STRIDE = 2;
    /** grid frames looked at before deciding the crop */
    private static final int BAR_WINDOW = 40;

    private final int quarterTurns;
    private final VideoTrack track;
    private final DctHasher hasher = new DctHasher();
    private final float[] plane64 = new float[DctHasher.SIZE * DctHasher.SIZE];
    private final List<byte[]> pending = new ArrayList<>();
    private CropBox crop;

    private VideoHasher(int quarterTurns, double expectedSeconds) {
        this.quarterTurns = quarterTurns;
        this.track = new VideoTrack(GRID_STEP, REGION_STRIDE, (int) (expectedSeconds / GRID_STEP) + 8);
    }

    record Result(VideoTrack track, CropBox crop, double lastTimestamp, long skippedPackets) {
    }

    static Result hash(Path media, double rotationDegrees, double expectedSeconds) throws MediaException {
        // Display rotation is counter-clockwise in the display matrix; we turn the picture upright.
        int quarterTurns = Math.floorMod((int) Math.round(-rotationDegrees / 90.0), 4);
        VideoHasher h = new VideoHasher(quarterTurns, expectedSeconds);
        try (LumaFrameReader reader = LumaFrameReader.open(media, PLANE, PLANE)) {
            byte[] previous = new byte[PLANE * PLANE];
            boolean previousIsLast = false; // does `previous` hold the last decoded frame?
            boolean havePlane = false;
            double previousTime = Double.NaN;
            double firstTime = Double.NaN;
            double last = 0;
            int next = 0;
            double fps = reader.frameRate();
            double interval = fps > 1 && fps < 1000 ? 1 / fps : 0.04;
            LumaFrame frame;
            while (true) {
                // Only frames that can be nearest to the next grid point are scaled and converted.
                boolean convert = Double.isNaN(previousTime) || previousTime + interval > next * GRID_STEP - 1.5 * interval;
                frame = reader.next(convert);
                if (frame == null) {
                    break;
                }
                if (frame.pixels() != null && (frame.width() != PLANE || frame.height() != PLANE)) {
                    throw new MediaException(MediaException.Kind.ENVIRONMENT,
                            "decoder returned " + frame.width() + "x" + frame.height() + " instead of " + PLANE + "x" + PLANE);
                }
                if (Double.isNaN(firstTime)) {
                    firstTime = frame.timestamp();
                }
                double t = frame.timestamp() - firstTime;
                if (!Double.isNaN(previousTime) && t < previousTime) {
                    continue; // out-of-order timestamp from a damaged stream
                }
                while (next * GRID_STEP <= t) {
                    double g = next * GRID_STEP;
                    boolean usePrevious = frame.pixels() == null
                            || (previousIsLast && !Double.isNaN(previousTime) && g - previousTime < t - g);
                    if (usePrevious && havePlane) {
                        h.accept(previous);
                    } else if (!usePrevious) {
                        h.accept(frame.pixels());
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
            h.flush();
            h.track.trim();
            return new Result(h.track, h.crop == null ? CropBox.full(PLANE, PLANE) : h.crop, last, reader.skippedErrors());
        }
    }

    private void accept(byte[] pixels) {
        byte[] upright = new byte[PLANE * PLANE];
        if (quarterTurns == 0) {
            System.arraycopy(pixels, 0, upright, 0, upright.length);
        } else {
            PlaneResampler.rotate(pixels, PLANE, quarterTurns, upright);
        }
        if (crop == null) {
            pending.add(upright);
            if (pending.size() >= BAR_WINDOW) {
                flush();
            }
            return;
        }
        hashPlane(upright);
    }

    private void flush() {
        if (crop == null) {
            crop = BarDetector.detect(pending, PLANE, PLANE);
        }
        for (byte[] p : pending) {
            hashPlane(p);
        }
        pending.clear();
    }

    private void hashPlane(byte[] p) {
        int i = track.append();
        PlaneResampler.resample(p, PLANE, crop.left(), crop.top(), crop.right(), crop.bottom(), plane64);
        track.quality[i] = (byte) hasher.hash(plane64, track.full, i, track.flip);
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
