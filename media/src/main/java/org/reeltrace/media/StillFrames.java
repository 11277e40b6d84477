package org.reeltrace.media;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** Pictures at chosen times, for reports and for people to look at. */
public final class StillFrames {
    private StillFrames() {
    }

    /**
     * The picture shown at {@code seconds} (the first frame at or after it), upright as players show
     * it (display matrix applied), scaled by FFmpeg to {@code maxWidth} wide at most, keeping the aspect ratio.
     */
    public static BufferedImage at(Path video, double seconds, int maxWidth) throws MediaException {
        Ffmpeg.requireReadable(video);
        Ffmpeg.init();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            grabber.start();
            if (!grabber.hasVideo()) {
                throw new MediaException(MediaException.Kind.INVALID_INPUT, "\"" + video + "\" has no video stream");
            }
            int w = grabber.getImageWidth();
            int h = grabber.getImageHeight();
            int turns = QuarterTurns.upright(grabber.getDisplayRotation());
            int shownWidth = QuarterTurns.width(w, h, turns);
            if (shownWidth > maxWidth) {
                double scale = maxWidth / (double) shownWidth;
                grabber.stop();
                grabber.setImageWidth(Math.max(2, (int) Math.round(w * scale) & ~1));
                grabber.setImageHeight(Math.max(2, (int) Math.round(h * scale) & ~1));
                grabber.start();
            }
            long target = Math.round(seconds * 1e6);
            if (seconds > 0) {
                grabber.setVideoTimestamp(target);
            }
            // The seek lands on a key frame at or before the target in some files: decode up to it.
            long halfFrame = grabber.getFrameRate() > 0 ? Math.round(0.5e6 / grabber.getFrameRate()) : 20_000;
            Frame frame = grabber.grabImage();
            while (frame != null && frame.timestamp + halfFrame < target) {
                frame = grabber.grabImage();
            }
            if (frame == null) {
                throw new MediaException(MediaException.Kind.INVALID_INPUT,
                        "\"" + video + "\" has no picture at " + seconds + " s");
            }
            BufferedImage image = converter.convert(frame);
            // a copy: the converter reuses its image for the next frame
            BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            copy.getGraphics().drawImage(image, 0, 0, null);
            return QuarterTurns.rotate(copy, turns);
        } catch (FrameGrabber.Exception e) {
            throw new MediaException(MediaException.Kind.INVALID_INPUT,
                    "cannot read \"" + video + "\" as media: " + Ffmpeg.reason(e), e);
        }
    }
}
