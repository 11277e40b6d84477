package org.reeltrace.watermark;

/**
 * Video encoder for watermarked outputs; null fields take the encoder's defaults.
 *
 * @param codec   FFmpeg encoder name (libx264, libx265, libvpx-vp9, ...)
 * @param crf     constant rate factor, or null
 * @param bitrate target bitrate such as "4M", or null
 * @param preset  encoder preset (x264/x265), or null
 */
public record EncoderSettings(String codec, Integer crf, String bitrate, String preset) {
    /** libx264, CRF 18, preset medium: visually transparent. */
    public static EncoderSettings defaults() {
        return new EncoderSettings("libx264", 18, null, "medium");
    }
}
