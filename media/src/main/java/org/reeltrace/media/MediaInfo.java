package org.reeltrace.media;

import java.nio.file.Path;

/**
 * What FFmpeg says about a media file before decoding it.
 *
 * @param durationSeconds container duration, 0 when unknown
 * @param frameRate       nominal video frame rate, 0 without video
 * @param rotation        display rotation in degrees from the stream's display matrix (counter-clockwise)
 */
public record MediaInfo(
        Path path,
        String format,
        double durationSeconds,
        boolean hasVideo,
        int width,
        int height,
        double frameRate,
        String videoCodec,
        double rotation,
        boolean hasAudio,
        int sampleRate,
        int audioChannels,
        String audioCodec) {

    /** Clockwise quarter turns that show the picture upright, as players do. */
    public int uprightTurns() {
        return QuarterTurns.upright(rotation);
    }

    /** Width of the picture as shown (stored height when the display matrix turns it a quarter). */
    public int displayWidth() {
        return QuarterTurns.width(width, height, uprightTurns());
    }

    /** Height of the picture as shown. */
    public int displayHeight() {
        return QuarterTurns.height(width, height, uprightTurns());
    }
}
