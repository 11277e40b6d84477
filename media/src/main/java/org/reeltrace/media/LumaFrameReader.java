package org.reeltrace.media;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Decodes a video stream to 8-bit luma. Scaling happens inside FFmpeg (area filter), so only
 * the small planes the caller asked for cross into Java; the pixel array is reused.
 */
public final class LumaFrameReader implements AutoCloseable {
    private final Path path;
    private final FFmpegFrameGrabber grabber;
    /** Clockwise quarter turns from the stored picture to the picture as shown. */
    private final int turns;
    private final int storedWidth;
    private final int storedHeight;
    private final byte[] stored;
    private final int width;
    private final int height;
    private final byte[] pixels;
    private long index;
    private long skippedErrors;

    private LumaFrameReader(Path path, FFmpegFrameGrabber grabber, int turns) {
        this.path = path;
        this.grabber = grabber;
        this.turns = turns;
        this.storedWidth = grabber.getImageWidth();
        this.storedHeight = grabber.getImageHeight();
        this.stored = new byte[storedWidth * storedHeight];
        this.width = QuarterTurns.width(storedWidth, storedHeight, turns);
        this.height = QuarterTurns.height(storedWidth, storedHeight, turns);
        this.pixels = turns == 0 ? stored : new byte[width * height];
    }

    /**
     * Opens {@code path} for luma decoding. Pictures come upright, as players show them: a display
     * matrix's quarter turns are applied (FFmpeg's autorotate), so a copy re-encoded upright reads
     * the same as its original.
     *
     * @param width  output width as shown, or 0 for the picture's own
     * @param height output height as shown, or 0 for the picture's own
     */
    public static LumaFrameReader open(Path path, int width, int height) throws MediaException {
        Ffmpeg.requireReadable(path);
        Ffmpeg.init();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(path.toFile());
        grabber.setPixelFormat(avutil.AV_PIX_FMT_GRAY8);
        grabber.setImageScalingFlags(swscale.SWS_AREA);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            closeQuietly(grabber);
            throw new MediaException(MediaException.Kind.INVALID_INPUT,
                    "cannot read \"" + path + "\" as media: " + Ffmpeg.reason(e), e);
        }
        if (!grabber.hasVideo()) {
            closeQuietly(grabber);
            throw new MediaException(MediaException.Kind.INVALID_INPUT, "\"" + path + "\" has no video stream");
        }
        int turns = QuarterTurns.upright(grabber.getDisplayRotation());
        if (width > 0 && height > 0) {
            // the scaler works on the stored picture, before it is turned (the grabber scales each frame
            // to the size set at the time, so setting it after start is fine)
            grabber.setImageWidth(QuarterTurns.width(width, height, turns));
            grabber.setImageHeight(QuarterTurns.height(width, height, turns));
        }
        return new LumaFrameReader(path, grabber, turns);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Nominal frame rate from the container, 0 when unknown. */
    public double frameRate() {
        return grabber.getFrameRate();
    }

    /** Container duration in seconds, 0 when unknown. */
    public double durationSeconds() {
        return Math.max(0, grabber.getLengthInTime() / 1e6);
    }

    /** Packets FFmpeg could not decode and that were skipped so far. */
    public long skippedErrors() {
        return skippedErrors;
    }

    /**
     * Moves to {@code seconds}: FFmpeg seeks to the key frame before it and decodes forward, so the
     * next picture is the one on screen at that time, within a picture's duration (null past the end). Picture
     * indices continue to count calls to {@link #next}, not positions in the stream.
     */
    public void seek(double seconds) throws MediaException {
        try {
            grabber.setVideoTimestamp(Math.max(0, Math.round(seconds * 1e6)));
        } catch (FrameGrabber.Exception e) {
            throw new MediaException(MediaException.Kind.INVALID_INPUT,
                    "cannot seek to " + seconds + " s in \"" + path + "\": " + Ffmpeg.reason(e), e);
        }
    }

    /** The next picture, or null at the end of the stream. */
    public LumaFrame next() throws MediaException {
        return next(true);
    }

    /**
     * The next picture, or null at the end of the stream. With {@code convert} false the picture is
     * decoded (so timing and later frames stay right) but not scaled or converted, and the returned
     * frame has null pixels: callers that sample a few frames a second skip most of the scaling cost.
     */
    public LumaFrame next(boolean convert) throws MediaException {
        Frame frame;
        while (true) {
            try {
                frame = grabber.grabFrame(false, true, convert, false, false);
                break;
            } catch (FrameGrabber.Exception e) {
                // A damaged packet: keep what decodes, count what did not.
                if (++skippedErrors > 1000) {
                    throw new MediaException(MediaException.Kind.INVALID_INPUT,
                            "\"" + path + "\" is corrupt: too many undecodable packets (" + Ffmpeg.reason(e) + ")", e);
                }
            }
        }
        if (frame == null) {
            return null;
        }
        if (!convert) {
            return new LumaFrame(index++, frame.timestamp / 1e6, width, height, null);
        }
        ByteBuffer buffer = (ByteBuffer) frame.image[0];
        int stride = frame.imageStride;
        if (stride == storedWidth) {
            buffer.get(0, stored, 0, stored.length);
        } else {
            for (int y = 0; y < storedHeight; y++) {
                buffer.get(y * stride, stored, y * storedWidth, storedWidth);
            }
        }
        if (turns != 0) {
            QuarterTurns.rotate(stored, storedWidth, storedHeight, turns, pixels);
        }
        return new LumaFrame(index++, frame.timestamp / 1e6, width, height, pixels);
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception ignored) {
            // nothing useful to do: the file was only read
        }
    }
}
