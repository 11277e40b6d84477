package org.reeltrace.media;

import java.nio.file.Path;

/**
 * What FFmpeg says about a media file before decoding it.
 *
 * @param durationSeconds container duration, 0 when unknown
 * @param frameRate       nominal video frame rate, 0 without video
 * @param rotation        display rotation in degrees from the stream's display matrix
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
}
