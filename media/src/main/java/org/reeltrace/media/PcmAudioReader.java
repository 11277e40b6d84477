package org.reeltrace.media;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.FloatBuffer;
import java.nio.file.Path;

/** Decodes the first audio stream to mono 32-bit float PCM at a chosen rate (resampled by FFmpeg). */
public final class PcmAudioReader implements AutoCloseable {
    private final Path path;
    private final FFmpegFrameGrabber grabber;

    private PcmAudioReader(Path path, FFmpegFrameGrabber grabber) {
        this.path = path;
        this.grabber = grabber;
    }

    /** Opens the audio of {@code path}; returns null when the file has no audio stream. */
    public static PcmAudioReader open(Path path, int sampleRate) throws MediaException {
        Ffmpeg.requireReadable(path);
        Ffmpeg.init();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(path.toFile());
        grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
        grabber.setSampleRate(sampleRate);
        grabber.setAudioChannels(1);
        try {
            grabber.start();
            if (!grabber.hasAudio()) {
                grabber.close();
                return null;
            }
        } catch (FrameGrabber.Exception e) {
            throw new MediaException(MediaException.Kind.INVALID_INPUT,
                    "cannot read \"" + path + "\" as media: " + Ffmpeg.reason(e), e);
        }
        return new PcmAudioReader(path, grabber);
    }

    /**
     * Fills {@code into} with the next samples and returns how many were written, -1 at the end.
     * Reads whole decoded frames, so it may return fewer than requested.
     */
    public int read(float[] into, int offset) throws MediaException {
        try {
            Frame frame;
            while ((frame = grabber.grabSamples()) != null) {
                if (frame.samples == null) {
                    continue;
                }
                FloatBuffer samples = (FloatBuffer) frame.samples[0];
                int n = Math.min(samples.remaining(), into.length - offset);
                samples.get(into, offset, n);
                return n;
            }
            return -1;
        } catch (FrameGrabber.Exception e) {
            throw new MediaException(MediaException.Kind.INVALID_INPUT,
                    "\"" + path + "\": audio stream is corrupt: " + Ffmpeg.reason(e), e);
        }
    }

    /** Every sample of the stream, for files that fit in memory. */
    public float[] readAll() throws MediaException {
        float[] all = new float[1 << 16];
        int size = 0;
        while (true) {
            if (all.length - size < 1 << 15) {
                all = java.util.Arrays.copyOf(all, all.length * 2);
            }
            int n = read(all, size);
            if (n < 0) {
                return java.util.Arrays.copyOf(all, size);
            }
            size += n;
        }
    }

    @Override
    public void close() {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception ignored) {
            // read-only
        }
    }
}
