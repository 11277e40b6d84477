package org.reeltrace.media;

import java.util.Optional;

/**
 * Which H.264 encoder this build of FFmpeg has. The default jar bundles FFmpeg's GPL build with
 * libx264; the LGPL build has only openh264, and asking it for libx264 would silently give mpeg4,
 * so callers pick here and tell the user loudly when they got the fallback.
 *
 * @param name            the FFmpeg encoder name to ask for
 * @param fallbackWarning set when this is not libx264, the text to show the user
 */
public record H264Encoder(String name, Optional<String> fallbackWarning) {

    public static H264Encoder best() throws MediaException {
        if (Ffmpeg.hasEncoder("libx264")) {
            return new H264Encoder("libx264", Optional.empty());
        }
        if (Ffmpeg.hasEncoder("libopenh264")) {
            return new H264Encoder("libopenh264", Optional.of(
                    "this build has no libx264 (LGPL FFmpeg natives): encoding H.264 with openh264, "
                            + "which is slower and looks worse at the same bitrate; use the default GPL build for x264"));
        }
        throw new MediaException(MediaException.Kind.ENVIRONMENT, "this FFmpeg build has no H.264 encoder",
                "build the default jar, which bundles FFmpeg's GPL natives with libx264", null);
    }
}
