package org.reeltrace.media;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

import java.util.Map;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CONFIG_PIX_FORMAT;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_supported_config;
import static org.bytedeco.ffmpeg.global.avutil.*;

/**
 * The pixel format a re-encode keeps: the source's own when it is planar YUV (4:2:0, 4:2:2 or 4:4:4
 * at 8, 10 or 12 bits) and the encoder takes it, so a 10-bit HDR master stays 10-bit and 4:4:4 keeps
 * its chroma; anything else becomes 8-bit 4:2:0.
 */
final class PictureFormat {
    /** Formats kept as they are; FFmpeg's full-range "J" variants have the same layout as their plain ones. */
    private static final Map<Integer, Integer> KEPT = Map.ofEntries(
            Map.entry(AV_PIX_FMT_YUV420P, AV_PIX_FMT_YUV420P), Map.entry(AV_PIX_FMT_YUVJ420P, AV_PIX_FMT_YUV420P),
            Map.entry(AV_PIX_FMT_YUV422P, AV_PIX_FMT_YUV422P), Map.entry(AV_PIX_FMT_YUVJ422P, AV_PIX_FMT_YUV422P),
            Map.entry(AV_PIX_FMT_YUV444P, AV_PIX_FMT_YUV444P), Map.entry(AV_PIX_FMT_YUVJ444P, AV_PIX_FMT_YUV444P),
            Map.entry(AV_PIX_FMT_YUV420P10LE, AV_PIX_FMT_YUV420P10LE), Map.entry(AV_PIX_FMT_YUV422P10LE, AV_PIX_FMT_YUV422P10LE),
            Map.entry(AV_PIX_FMT_YUV444P10LE, AV_PIX_FMT_YUV444P10LE), Map.entry(AV_PIX_FMT_YUV420P12LE, AV_PIX_FMT_YUV420P12LE),
            Map.entry(AV_PIX_FMT_YUV422P12LE, AV_PIX_FMT_YUV422P12LE), Map.entry(AV_PIX_FMT_YUV444P12LE, AV_PIX_FMT_YUV444P12LE));

    private PictureFormat() {
    }

    /** The format to encode a source decoded as {@code decoded} with {@code encoder}. */
    static int forReEncode(int decoded, AVCodec encoder) {
        Integer kept = KEPT.get(decoded);
        return kept != null && supports(encoder, kept) ? kept : AV_PIX_FMT_YUV420P;
    }

    /** Whether frames of {@code decoded} need no conversion to {@code format} (the same planes, samples and depth). */
    static boolean sameLayout(int decoded, int format) {
        Integer kept = KEPT.get(decoded);
        return kept != null && kept == format;
    }

    /** Bits per luma sample of {@code format}. */
    static int lumaDepth(int format) {
        AVPixFmtDescriptor d = av_pix_fmt_desc_get(format);
        return d == null || d.isNull() ? 8 : d.comp(0).depth();
    }

    private static boolean supports(AVCodec encoder, int format) {
        PointerPointer<IntPointer> list = new PointerPointer<>(1);
        IntPointer count = new IntPointer(1);
        if (avcodec_get_supported_config(null, encoder, AV_CODEC_CONFIG_PIX_FORMAT, 0, list, count) < 0) {
            return false;
        }
        if (list.get(0) == null) {
            return false; // FFmpeg does not know: stay with what every encoder takes
        }
        IntPointer formats = new IntPointer(list.get(0));
        for (int i = 0; i < count.get(); i++) {
            if (formats.get(i) == format) {
                return true;
            }
        }
        return false;
    }
}
