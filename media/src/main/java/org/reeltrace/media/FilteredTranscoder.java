package org.reeltrace.media;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Re-encodes an excerpt of a video through an FFmpeg filter graph (crop, scale, eq, ...), the way
 * a pirate's copy is made; audio is re-encoded as AAC. Used to simulate leaks in the demo.
 */
public final class FilteredTranscoder {

    /**
     * @param videoFilter FFmpeg video filter graph, e.g. {@code crop=iw*0.9:ih*0.9,scale=480:-2}; null for none
     * @param start       excerpt start in seconds
     * @param duration    excerpt length in seconds, 0 for the rest of the file
     * @param crf         H.264 constant rate factor of the output
     * @param preset      x264 preset (FFmpeg's default is medium)
     */
    public record Options(String videoFilter, double start, double duration, int crf, String preset) {
        public Options(String videoFilter, double start, double duration, int crf) {
            this(videoFilter, start, duration, crf, "medium");
        }
    }

    private FilteredTranscoder() {
    }

    public static void transcode(Path in, Path out, Options options) throws MediaException {
        Ffmpeg.requireReadable(in);
        Ffmpeg.init();
        H264Encoder encoder = H264Encoder.best();
        Path tmp = out.resolveSibling("." + out.getFileName() + ".part");
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(in.toFile())) {
            grabber.start();
            if (!grabber.hasVideo()) {
                throw new MediaException(MediaException.Kind.INVALID_INPUT, "\"" + in + "\" has no video stream");
            }
            if (options.start() > 0) {
                grabber.setTimestamp(Math.round(options.start() * 1e6));
            }
            long end = options.duration() > 0 ? Math.round((options.start() + options.duration()) * 1e6) : Long.MAX_VALUE;
            String graph = options.videoFilter() == null || options.videoFilter().isBlank() ? "null" : options.videoFilter();
            try (FFmpegFrameFilter filter = new FFmpegFrameFilter(graph, grabber.getImageWidth(), grabber.getImageHeight())) {
                filter.setPixelFormat(grabber.getPixelFormat());
                filter.setFrameRate(grabber.getFrameRate());
                filter.start();
                FFmpegFrameRecorder recorder = null;
                try {
                    Frame frame;
                    long startMicros = Math.round(options.start() * 1e6);
                    while ((frame = grabber.grab()) != null && frame.timestamp <= end) {
                        if (frame.image != null) {
                            filter.push(frame);
                            Frame filtered;
                            while ((filtered = filter.pull()) != null) {
                                if (recorder == null) {
                                    recorder = openRecorder(tmp, filtered, grabber, encoder, options);
                                }
                                recorder.setTimestamp(Math.max(0, frame.timestamp - startMicros));
                                recorder.record(filtered, grabber.getPixelFormat());
                            }
                        } else if (frame.samples != null && recorder != null) {
                            recorder.record(frame);
                        }
                    }
                    if (recorder == null) {
                        throw new MediaException(MediaException.Kind.INVALID_INPUT,
                                "\"" + in + "\" has no pictures in the requested excerpt");
                    }
                    recorder.stop();
                } finally {
                    if (recorder != null) {
                        recorder.release();
                    }
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (FrameGrabber.Exception | FrameFilter.Exception | FrameRecorder.Exception e) {
            throw new MediaException(MediaException.Kind.INVALID_INPUT,
                    "cannot transcode \"" + in + "\": " + Ffmpeg.reason(e), e);
        } catch (IOException e) {
            throw new MediaException(MediaException.Kind.ENVIRONMENT, "cannot write \"" + out + "\": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: the part file is hidden and named after the target
            }
        }
    }

    private static FFmpegFrameRecorder openRecorder(Path tmp, Frame first, FFmpegFrameGrabber grabber,
                                                    H264Encoder encoder, Options options) throws FrameRecorder.Exception {
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(tmp.toFile(), first.imageWidth, first.imageHeight,
                grabber.hasAudio() ? grabber.getAudioChannels() : 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodecName(encoder.name());
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(grabber.getFrameRate());
        recorder.setVideoOption("crf", Integer.toString(options.crf()));
        recorder.setVideoOption("preset", options.preset());
        if (grabber.hasAudio()) {
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(grabber.getSampleRate());
            recorder.setAudioBitrate(128_000);
        }
        recorder.start();
        return recorder;
    }
}
