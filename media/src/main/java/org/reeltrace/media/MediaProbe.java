package org.reeltrace.media;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

import java.nio.file.Path;

/** Reads a file's streams and duration without decoding pictures. */
public final class MediaProbe {
    private MediaProbe() {
    }

    public static MediaInfo probe(Path path) throws MediaException {
        Ffmpeg.requireReadable(path);
        Ffmpeg.init();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(path.toFile())) {
            grabber.start();
            boolean video = grabber.hasVideo();
            boolean audio = grabber.hasAudio();
            if (!video && !audio) {
                throw new MediaException(MediaException.Kind.INVALID_INPUT,
                        "\"" + path + "\" has no audio or video stream");
            }
            double duration = Math.max(0, grabber.getLengthInTime() / 1e6);
            return new MediaInfo(path, grabber.getFormat(), duration,
                    video, video ? grabber.getImageWidth() : 0, video ? grabber.getImageHeight() : 0,
                    video ? grabber.getFrameRate() : 0, video ? grabber.getVideoCodecName() : null,
                    video ? grabber.getDisplayRotation() : 0,
                    audio, audio ? grabber.getSampleRate() : 0, audio ? grabber.getAudioChannels() : 0,
                    audio ? grabber.getAudioCodecName() : null);
        } catch (FrameGrabber.Exception e) {
            throw new MediaException(MediaException.Kind.INVALID_INPUT,
                    "cannot read \"" + path + "\" as media: " + Ffmpeg.reason(e), e);
        }
    }
}
