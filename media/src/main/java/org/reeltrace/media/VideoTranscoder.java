package org.reeltrace.media;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

/**
 * Decodes a video once at full resolution, lets a filter edit the luma plane (as 8-bit samples)
 * of each picture for each of N outputs (upright, as players show it: a display matrix's quarter
 * turns are applied before the filter and undone after it, and the matrix is kept in every output), re-encodes every output with the chosen encoder, and
 * copies the other streams (audio, subtitles) packet for packet, without re-encoding, together
 * with the container and stream metadata. Chroma passes through untouched, and the source's pixel
 * format (4:2:0, 4:2:2 or 4:4:4 at 8, 10 or 12 bits) is kept when the encoder takes it ({@link PictureFormat}).
 */
public final class VideoTranscoder {
    private static final int EAGAIN = -11;

    private VideoTranscoder() {
    }

    /** Encoder choice; null fields take the encoder's defaults (crf and bitrate are exclusive). */
    public record EncoderOptions(String codec, Integer crf, String bitrate, String preset) {
        public static EncoderOptions highQuality() {
            return new EncoderOptions("libx264", 18, null, "medium");
        }
    }

    /** Edits luma planes: {@code outputs[k]} starts as a copy of {@code original}; change it in place. */
    public interface LumaFilter {
        void frame(long index, double seconds, byte[] original, byte[][] outputs, int width, int height);
    }

    /** What was written (the picture size as shown). {@code droppedStreams} lists streams the output container cannot hold. */
    public record Result(long frames, int width, int height, double frameRate, String encoder, List<String> droppedStreams) {
    }

    /**
     * Transcodes {@code in} into every path of {@code outs} (written in place: callers write to a
     * temporary name and move). The container format follows {@code formatHints} (file names whose
     * extension names the format), one per output.
     */
    public static Result transcode(Path in, List<Path> outs, List<String> formatHints, EncoderOptions options,
                                   LumaFilter filter) throws MediaException {
        Ffmpeg.requireReadable(in);
        Ffmpeg.init();
        try (Session s = new Session(in, outs, formatHints, options)) {
            return s.run(filter);
        }
    }

    private static final class Session implements AutoCloseable {
        final Path in;
        final List<Path> outs;
        final List<String> formatHints;
        final EncoderOptions options;
        AVFormatContext ic;
        AVCodecContext dec;
        int videoIndex = -1;
        AVFormatContext[] oc;
        AVCodecContext[] enc;
        AVFrame[] outFrames;
        int[][] streamMap;
        AVFrame decoded = av_frame_alloc();
        AVFrame converted;
        SwsContext sws;
        AVPacket pkt = av_packet_alloc();
        AVPacket outPkt = av_packet_alloc();
        AVPacket copy = av_packet_alloc();
        final List<String> dropped = new ArrayList<>();
        /** the pixel format encoded (the source's when kept) and its luma plane's samples as stored */
        int outFormat;
        LumaSamples samples;
        /** an edited luma plane turned back to the stored orientation */
        byte[] storedEdit;
        /** the filter's view of the original luma: upright, by {@link #turns} (the samples themselves when there are none) */
        byte[] original;
        byte[][] lumas;
        int width;
        int height;
        int turns;
        int uprightWidth;
        int uprightHeight;
        Optional<byte[]> displayMatrix;
        long frames;
        long lastPts = Long.MIN_VALUE;
        AVRational inTb;
        boolean headersWritten;
        String encoderName;

        Session(Path in, List<Path> outs, List<String> formatHints, EncoderOptions options) {
            this.in = in;
            this.outs = outs;
            this.formatHints = formatHints;
            this.options = options;
        }

        Result run(LumaFilter filter) throws MediaException {
            openInput();
            openOutputs();
            while (av_read_frame(ic, pkt) >= 0) {
                try {
                    int si = pkt.stream_index();
                    if (si == videoIndex) {
                        decode(pkt, filter);
                    } else {
                        copyPacket(si);
                    }
                } finally {
                    av_packet_unref(pkt);
                }
            }
            decode(null, filter);
            for (int k = 0; k < outs.size(); k++) {
                encode(k, null);
                check(av_write_trailer(oc[k]), "cannot finish \"" + outs.get(k) + "\"");
            }
            if (frames == 0) {
                throw new MediaException(MediaException.Kind.INVALID_INPUT, "\"" + in + "\" has no decodable video frames");
            }
            AVStream vs = ic.streams(videoIndex);
            double fps = vs.avg_frame_rate().den() == 0 ? 0 : av_q2d(vs.avg_frame_rate());
            return new Result(frames, uprightWidth, uprightHeight, fps, encoderName, List.copyOf(dropped));
        }

        void openInput() throws MediaException {
            ic = new AVFormatContext(null);
            check(avformat_open_input(ic, in.toString(), null, null), "cannot read \"" + in + "\" as media");
            check(avformat_find_stream_info(ic, (PointerPointer<?>) null), "cannot read \"" + in + "\" as media");
            videoIndex = av_find_best_stream(ic, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
            if (videoIndex < 0) {
                throw new MediaException(MediaException.Kind.INVALID_INPUT, "\"" + in + "\" has no video stream");
            }
            AVStream vs = ic.streams(videoIndex);
            AVCodec codec = avcodec_find_decoder(vs.codecpar().codec_id());
            if (codec == null || codec.isNull()) {
                throw new MediaException(MediaException.Kind.INVALID_INPUT, "\"" + in + "\": no decoder for its video codec");
            }
            dec = avcodec_alloc_context3(codec);
            check(avcodec_parameters_to_context(dec, vs.codecpar()), "cannot decode \"" + in + "\"");
            dec.pkt_timebase(vs.time_base());
            dec.thread_count(0);
            check(avcodec_open2(dec, codec, (PointerPointer<?>) null), "cannot decode \"" + in + "\"");
            inTb = vs.time_base();
            width = dec.width();
            height = dec.height();
            if (width <= 0 || height <= 0) {
                throw new MediaException(MediaException.Kind.INVALID_INPUT, "\"" + in + "\": video has no picture size");
            }
            displayMatrix = DisplayMatrix.of(vs.codecpar());
            turns = displayMatrix.map(m -> QuarterTurns.upright(DisplayMatrix.degrees(m))).orElse(0);
            uprightWidth = QuarterTurns.width(width, height, turns);
            uprightHeight = QuarterTurns.height(width, height, turns);
            storedEdit = turns == 0 ? null : new byte[width * height];
            original = turns == 0 ? null : new byte[width * height];
            lumas = new byte[outs.size()][width * height];
        }

        void openOutputs() throws MediaException {
            int n = outs.size();
            oc = new AVFormatContext[n];
            enc = new AVCodecContext[n];
            outFrames = new AVFrame[n];
            streamMap = new int[n][ic.nb_streams()];
            String wanted = options.codec() == null ? "libx264" : options.codec();
            if (wanted.equals("libx264")) {
                // an LGPL build has no libx264: take openh264 instead (the result names the encoder used)
                wanted = H264Encoder.best().name();
            }
            AVCodec codec = avcodec_find_encoder_by_name(wanted);
            if (codec == null || codec.isNull()) {
                throw new MediaException(MediaException.Kind.USAGE, "unknown video encoder \"" + options.codec() + "\"");
            }
            encoderName = codec.name().getString();
            outFormat = PictureFormat.forReEncode(dec.pix_fmt(), codec);
            samples = new LumaSamples(width, height, PictureFormat.lumaDepth(outFormat));
            AVStream vs = ic.streams(videoIndex);
            AVRational rate = vs.avg_frame_rate().num() > 0 ? vs.avg_frame_rate() : vs.r_frame_rate();
            for (int k = 0; k < n; k++) {
                Path out = outs.get(k);
                oc[k] = new AVFormatContext(null);
                check(avformat_alloc_output_context2(oc[k], null, null, formatHints.get(k)),
                        "cannot choose a container for \"" + formatHints.get(k) + "\"", MediaException.Kind.USAGE);
                AVCodecContext e = avcodec_alloc_context3(codec);
                enc[k] = e;
                e.width(width);
                e.height(height);
                e.pix_fmt(outFormat);
                e.time_base(inTb);
                if (rate.num() > 0) {
                    e.framerate(rate);
                }
                e.sample_aspect_ratio(dec.sample_aspect_ratio());
                e.color_range(dec.color_range());
                e.colorspace(dec.colorspace());
                e.color_primaries(dec.color_primaries());
                e.color_trc(dec.color_trc());
                if ((oc[k].oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
                    e.flags(e.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
                }
                AVDictionary opts = new AVDictionary(null);
                if (options.crf() != null) {
                    av_dict_set(opts, "crf", options.crf().toString(), 0);
                    if (encoderName.startsWith("libvpx")) {
                        av_dict_set(opts, "b", "0", 0);
                    }
                }
                if (options.bitrate() != null) {
                    av_dict_set(opts, "b", options.bitrate(), 0);
                }
                if (options.preset() != null && !encoderName.startsWith("libvpx")) {
                    av_dict_set(opts, "preset", options.preset(), 0);
                }
                int r = avcodec_open2(e, codec, opts);
                av_dict_free(opts);
                check(r, "cannot open the " + encoderName + " encoder with these settings", MediaException.Kind.USAGE);
                AVStream os = avformat_new_stream(oc[k], null);
                check(avcodec_parameters_from_context(os.codecpar(), e), "cannot set up \"" + out + "\"");
                if (displayMatrix.isPresent()) {
                    DisplayMatrix.copy(displayMatrix.get(), os.codecpar());
                }
                os.time_base(e.time_base());
                os.avg_frame_rate(rate);
                os.sample_aspect_ratio(dec.sample_aspect_ratio());
                os.metadata(copyDict(vs.metadata()));
                os.disposition(vs.disposition());
                java.util.Arrays.fill(streamMap[k], -1);
                streamMap[k][videoIndex] = os.index();
                for (int i = 0; i < ic.nb_streams(); i++) {
                    AVStream is = ic.streams(i);
                    AVCodecParameters par = is.codecpar();
                    int type = par.codec_type();
                    if (i == videoIndex || (type != AVMEDIA_TYPE_AUDIO && type != AVMEDIA_TYPE_SUBTITLE)) {
                        continue;
                    }
                    if (avformat_query_codec(oc[k].oformat(), par.codec_id(), FF_COMPLIANCE_NORMAL) != 1) {
                        if (k == 0) {
                            dropped.add("stream " + i + " (" + avcodec_get_name(par.codec_id()).getString()
                                    + ") does not fit the output container");
                        }
                        continue;
                    }
                    AVStream cs = avformat_new_stream(oc[k], null);
                    check(avcodec_parameters_copy(cs.codecpar(), par), "cannot copy stream " + i);
                    cs.codecpar().codec_tag(0);
                    cs.time_base(is.time_base());
                    cs.metadata(copyDict(is.metadata()));
                    cs.disposition(is.disposition());
                    streamMap[k][i] = cs.index();
                }
                oc[k].metadata(copyDict(ic.metadata()));
                AVIOContext pb = new AVIOContext(null);
                check(avio_open(pb, out.toString(), AVIO_FLAG_WRITE), "cannot write \"" + out + "\"", MediaException.Kind.ENVIRONMENT);
                oc[k].pb(pb);
                check(avformat_write_header(oc[k], (AVDictionary) null), "cannot write \"" + out + "\"");
                AVFrame f = av_frame_alloc();
                f.format(outFormat);
                f.width(width);
                f.height(height);
                check(av_frame_get_buffer(f, 0), "out of memory");
                outFrames[k] = f;
            }
            headersWritten = true;
        }

        static AVDictionary copyDict(AVDictionary src) {
            AVDictionary d = new AVDictionary(null);
            if (src != null && !src.isNull()) {
                av_dict_copy(d, src, 0);
            }
            return d;
        }

        void copyPacket(int si) throws MediaException {
            for (int k = 0; k < outs.size(); k++) {
                int target = streamMap[k][si];
                if (target < 0) {
                    continue;
                }
                check(av_packet_ref(copy, pkt), "out of memory");
                av_packet_rescale_ts(copy, ic.streams(si).time_base(), oc[k].streams(target).time_base());
                copy.stream_index(target);
                copy.pos(-1);
                check(av_interleaved_write_frame(oc[k], copy), "cannot write \"" + outs.get(k) + "\"");
            }
        }

        void decode(AVPacket packet, LumaFilter filter) throws MediaException {
            int r = avcodec_send_packet(dec, packet);
            if (r < 0 && r != AVERROR_EOF()) {
                return; // a damaged packet: skip it, keep decoding
            }
            while (true) {
                r = avcodec_receive_frame(dec, decoded);
                if (r == EAGAIN || r == AVERROR_EOF()) {
                    return;
                }
                if (r < 0) {
                    return;
                }
                AVFrame src = toOutputFormat(decoded);
                long pts = decoded.best_effort_timestamp();
                if (pts == AV_NOPTS_VALUE()) {
                    pts = lastPts == Long.MIN_VALUE ? 0 : lastPts + 1;
                }
                if (lastPts != Long.MIN_VALUE && pts <= lastPts) {
                    pts = lastPts + 1;
                }
                lastPts = pts;
                byte[] stored = samples.read(src.data(0), src.linesize(0));
                if (turns == 0) {
                    original = stored;
                } else {
                    QuarterTurns.rotate(stored, width, height, turns, original);
                }
                for (byte[] l : lumas) {
                    System.arraycopy(original, 0, l, 0, original.length);
                }
                double seconds = pts * av_q2d(inTb);
                filter.frame(frames, seconds, original, lumas, uprightWidth, uprightHeight);
                for (int k = 0; k < outs.size(); k++) {
                    AVFrame f = outFrames[k];
                    check(av_frame_make_writable(f), "out of memory");
                    check(av_frame_copy(f, src), "cannot copy a picture");
                    if (turns != 0) {
                        QuarterTurns.rotate(lumas[k], uprightWidth, uprightHeight, QuarterTurns.inverse(turns), storedEdit);
                    }
                    samples.write(turns == 0 ? lumas[k] : storedEdit, f.data(0), f.linesize(0));
                    f.pts(pts);
                    f.pict_type(AV_PICTURE_TYPE_NONE);
                    encode(k, f);
                }
                frames++;
                av_frame_unref(decoded);
            }
        }

        AVFrame toOutputFormat(AVFrame f) throws MediaException {
            int fmt = f.format();
            if (PictureFormat.sameLayout(fmt, outFormat) && f.width() == width && f.height() == height) {
                return f;
            }
            if (converted == null) {
                converted = av_frame_alloc();
                converted.format(outFormat);
                converted.width(width);
                converted.height(height);
                check(av_frame_get_buffer(converted, 0), "out of memory");
                sws = sws_getContext(f.width(), f.height(), fmt, width, height, outFormat, SWS_BICUBIC,
                        null, null, (double[]) null);
            }
            check(av_frame_make_writable(converted), "out of memory");
            sws_scale(sws, f.data(), f.linesize(), 0, f.height(), converted.data(), converted.linesize());
            return converted;
        }

        void encode(int k, AVFrame frame) throws MediaException {
            int r = avcodec_send_frame(enc[k], frame);
            if (r < 0 && r != AVERROR_EOF()) {
                check(r, "the " + encoderName + " encoder failed");
            }
            while (true) {
                r = avcodec_receive_packet(enc[k], outPkt);
                if (r == EAGAIN || r == AVERROR_EOF()) {
                    return;
                }
                check(r, "the " + encoderName + " encoder failed");
                av_packet_rescale_ts(outPkt, enc[k].time_base(), oc[k].streams(0).time_base());
                outPkt.stream_index(0);
                check(av_interleaved_write_frame(oc[k], outPkt), "cannot write \"" + outs.get(k) + "\"");
            }
        }

        void check(int r, String what) throws MediaException {
            check(r, what, MediaException.Kind.INVALID_INPUT);
        }

        void check(int r, String what, MediaException.Kind kind) throws MediaException {
            if (r < 0) {
                byte[] buf = new byte[256];
                av_strerror(r, buf, buf.length);
                int len = 0;
                while (len < buf.length && buf[len] != 0) {
                    len++;
                }
                throw new MediaException(kind, what + ": " + new String(buf, 0, len, java.nio.charset.StandardCharsets.UTF_8).toLowerCase());
            }
        }

        @Override
        public void close() {
            if (oc != null) {
                for (int k = 0; k < oc.length; k++) {
                    if (oc[k] != null && !oc[k].isNull()) {
                        if (oc[k].pb() != null && !oc[k].pb().isNull()) {
                            avio_closep(oc[k].pb());
                        }
                        avformat_free_context(oc[k]);
                    }
                    if (enc[k] != null) {
                        avcodec_free_context(enc[k]);
                    }
                    if (outFrames[k] != null) {
                        av_frame_free(outFrames[k]);
                    }
                }
            }
            if (dec != null) {
                avcodec_free_context(dec);
            }
            if (ic != null && !ic.isNull()) {
                avformat_close_input(ic);
            }
            if (sws != null) {
                sws_freeContext(sws);
            }
            if (converted != null) {
                av_frame_free(converted);
            }
            av_frame_free(decoded);
            av_packet_free(pkt);
            av_packet_free(outPkt);
            av_packet_free(copy);
        }
    }
}
