package org.reeltrace.watermark;

import org.reeltrace.media.LumaFrame;
import org.reeltrace.media.LumaFrameReader;
import org.reeltrace.media.MediaException;
import org.reeltrace.media.MediaInfo;
import org.reeltrace.media.MediaProbe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Sequential access to a video's pictures at working resolution, as floats. */
final class WorkingClip implements AutoCloseable {
    /** Seconds of decoding forward below which seeking does not pay (a key frame interval or so). */
    static final double SEEK_GAP = 5;
    final Path path;
    final int width;
    final int height;
    final double duration;
    private final LumaFrameReader reader;
    private final float[] buffer;
    private double lastTime = Double.NaN;
    private float[] pending;
    private double pendingTime;
    private boolean ended;

    private WorkingClip(Path path, int width, int height, double duration, LumaFrameReader reader) {
        this.path = path;
        this.width = width;
        this.height = height;
        this.duration = duration;
        this.reader = reader;
        this.buffer = new float[width * height];
    }

    static WorkingClip open(Path path) throws WatermarkException {
        WatermarkEmbedder.requireInput(path);
        try {
            MediaInfo info = MediaProbe.probe(path);
            if (!info.hasVideo()) {
                throw new WatermarkException(WatermarkException.Kind.INVALID_INPUT, "\"" + path + "\" has no video stream");
            }
            int[] size = WorkingFrame.sizeFor(info.displayWidth(), info.displayHeight());
            return new WorkingClip(path, size[0], size[1], info.durationSeconds(), LumaFrameReader.open(path, size[0], size[1]));
        } catch (MediaException e) {
            throw Errors.from(e);
        }
    }

    /** The next picture (reused array) or null at the end; {@link #time()} is its timestamp. */
    float[] next() throws WatermarkException {
        if (pending != null) {
            float[] p = pending;
            lastTime = pendingTime;
            pending = null;
            System.arraycopy(p, 0, buffer, 0, buffer.length);
            return buffer;
        }
        if (ended) {
            return null;
        }
        try {
            LumaFrame f = reader.next();
            if (f == null) {
                ended = true;
                return null;
            }
            byte[] p = f.pixels();
            for (int i = 0; i < buffer.length; i++) {
                buffer[i] = p[i] & 0xff;
            }
            lastTime = f.timestamp();
            return buffer;
        } catch (MediaException e) {
            throw Errors.from(e);
        }
    }

    /**
     * Jumps ahead so that the next picture is the one on screen about {@code seconds} in, when that
     * is more than {@link #SEEK_GAP} seconds ahead (decoding forward is cheaper over short
     * distances); never goes back.
     */
    void seekNear(double seconds) throws WatermarkException {
        double position = Double.isNaN(lastTime) ? 0 : lastTime;
        if (seconds - position <= SEEK_GAP) {
            return;
        }
        try {
            reader.seek(Math.max(0, seconds));
        } catch (MediaException e) {
            throw Errors.from(e);
        }
        lastTime = Double.NaN;
        pending = null;
        ended = false;
    }

    /**
     * Copies of the pictures nearest each of {@code times} (ascending), seeking over long gaps;
     * null from the first time past the end on.
     */
    float[][] picturesNear(double[] times) throws WatermarkException {
        float[][] out = new float[times.length][];
        for (int i = 0; i < times.length; i++) {
            seekNear(times[i] - 1);
            float[] p = at(times[i], null);
            if (p == null) {
                break;
            }
            out[i] = p.clone();
        }
        return out;
    }

    double time() {
        return lastTime;
    }

    /**
     * The picture nearest to {@code t}, reading forward (times must not decrease between calls);
     * null after the end.
     */
    float[] at(double t, double[] current) throws WatermarkException {
        float[] cur = current == null ? null : buffer;
        if (Double.isNaN(lastTime)) {
            cur = next();
            if (cur == null) {
                return null;
            }
        } else {
            cur = buffer;
        }
        while (true) {
            double curTime = lastTime;
            float[] keep = cur.clone();
            float[] nxt = next();
            if (nxt == null) {
                System.arraycopy(keep, 0, buffer, 0, buffer.length);
                lastTime = curTime;
                ended = true;
                return Math.abs(curTime - t) < 0.5 ? buffer : null;
            }
            if (Math.abs(lastTime - t) >= Math.abs(curTime - t)) {
                // the next picture is farther: keep it pending, return the current one
                pending = nxt.clone();
                pendingTime = lastTime;
                System.arraycopy(keep, 0, buffer, 0, buffer.length);
                lastTime = curTime;
                return buffer;
            }
            cur = buffer;
        }
    }

    /** Mean luma per picture and timestamps, for coarse temporal alignment; reads the whole clip. */
    static double[][] meanLuma(Path path) throws WatermarkException {
        List<double[]> rows = new ArrayList<>();
        try (WorkingClip c = open(path)) {
            float[] f;
            while ((f = c.next()) != null) {
                double s = 0;
                for (float v : f) {
                    s += v;
                }
                rows.add(new double[] {c.time(), s / f.length});
            }
        }
        double[][] out = new double[2][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            out[0][i] = rows.get(i)[0];
            out[1][i] = rows.get(i)[1];
        }
        return out;
    }

    @Override
    public void close() {
        reader.close();
    }
}
