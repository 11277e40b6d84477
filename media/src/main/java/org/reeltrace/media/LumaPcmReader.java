package org.reeltrace.media;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

import java.nio.file.Path;
import java.util.function.DoublePredicate;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_DEFAULT;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONREF;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

/**
 * Decodes a file's first video and first audio stream in ONE demux pass: every packet is read
 * once and handed to its decoder; pictures come out as 8-bit luma scaled inside FFmpeg (area
 * filter), sound as mono 32-bit float PCM resampled inside FFmpeg. Items arrive in decode order,
 * interleaved as the container stores them. Pictures the caller does not want (see
 * {@link #wantPictures}) are neither scaled nor copied, and are not even decoded when the codec
 * marks them as non-reference frames (nothing else depends on them).
 *
 * <p>Same decoding as {@link LumaFrameReader} and {@link PcmAudioReader} (first stream of each
 * kind, auto decoder threads, best-effort timestamps, swscale area filter, default swresample),
 * which read the file once per stream.
 */
public final class LumaPcmReader implements AutoCloseable {
    /** What {@link #next(boolean)} produced. */
    public enum Item { PICTURE, SAMPLES }

    private static final int MAX_SKIPPED = 1000;

    private final Path path;
    private final AVFormatContext format;
    private final AVPacket packet;
    private final AVFrame frame;
    private final Decoder video;
    private final Decoder audio;
    private final int width;
    private final int height;
    private final int sampleRate;
    private final byte[] pixels;
    private BytePointer scaled;
    private SwsContext scaler;
    private SwrContext resampler;
    private FloatPointer pcmOut;
    private int pcmOutCapacity;
    private float[] samples = new float[4096];
    private int sampleCount;
    private LumaFrame picture;
    private long pictureIndex;
    private long lastPictureMicros = Long.MIN_VALUE;
    private long skippedErrors;
    private DoublePredicate wanted = t -> true;
    private Decoder draining; // decoder that may still hold frames for the last packet sent
    private boolean endOfFile;

    /** One opened decoder and the stream it reads. */
    private static final class Decoder {
        final int stream;
        final AVCodecContext context;
        final AVRational timeBase;
        boolean finished;

        Decoder(int stream, AVCodecContext context, AVRational timeBase) {
            this.stream = stream;
            this.context = context;
            this.timeBase = timeBase;
        }
    }

    private LumaPcmReader(Path path, AVFormatContext format, Decoder video, Decoder audio, int width, int height, int sampleRate) {
        this.path = path;
        this.format = format;
        this.video = video;
        this.audio = audio;
        this.width = width;
        this.height = height;
        this.sampleRate = sampleRate;
        this.packet = av_packet_alloc();
        this.frame = av_frame_alloc();
        this.pixels = video == null ? new byte[0] : new byte[width * height];
    }

    /**
     * Opens {@code path} for one decoding pass.
     *
     * @param width      luma picture width (the picture is scaled to width x height inside FFmpeg)
     * @param height     luma picture height
     * @param sampleRate mono PCM sample rate
     * @throws MediaException INVALID_INPUT when the file cannot be read or has neither stream
     */
    public static LumaPcmReader open(Path path, int width, int height, int sampleRate) throws MediaException {
        if (width <= 0 || height <= 0 || sampleRate <= 0) {
            throw new IllegalArgumentException("width, height and sample rate must be positive");
        }
        Ffmpeg.requireReadable(path);
        Ffmpeg.init();
        AVFormatContext format = new AVFormatContext(null);
        int r = avformat_open_input(format, path.toString(), null, null);
        if (r < 0) {
            throw new MediaException(MediaException.Kind.INVALID_INPUT,
                    "cannot read \"" + path + "\" as media: " + error(r));
        }
        Decoder video = null;
        Decoder audio = null;
        try {
            r = avformat_find_stream_info(format, (PointerPointer<?>) null);
            if (r < 0) {
                throw new MediaException(MediaException.Kind.INVALID_INPUT,
                        "cannot read \"" + path + "\" as media: " + error(r));
            }
            for (int i = 0; i < format.nb_streams(); i++) {
                AVStream stream = format.streams(i);
                int type = stream.codecpar().codec_type();
                if (type == AVMEDIA_TYPE_VIDEO && video == null) {
                    video = openDecoder(path, stream, i, "video");
                } else if (type == AVMEDIA_TYPE_AUDIO && audio == null) {
                    audio = openDecoder(path, stream, i, "audio");
                }
            }
            if (video == null && audio == null) {
                throw new MediaException(MediaException.Kind.INVALID_INPUT, "\"" + path + "\" has no audio or video stream");
            }
            return new LumaPcmReader(path, format, video, audio, width, height, sampleRate);
        } catch (MediaException | RuntimeException e) {
            freeDecoder(video);
            freeDecoder(audio);
            avformat_close_input(format);
            throw e;
        }
    }

    private static Decoder openDecoder(Path path, AVStream stream, int index, String kind) throws MediaException {
        AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (codec == null || codec.isNull()) {
            throw new MediaException(MediaException.Kind.INVALID_INPUT,
                    "cannot read \"" + path + "\": no decoder for its " + kind + " codec");
        }
        AVCodecContext context = avcodec_alloc_context3(codec);
        int r = avcodec_parameters_to_context(context, stream.codecpar());
        if (r >= 0) {
            context.thread_count(0); // as many threads as cores, like the ffmpeg command
            r = avcodec_open2(context, codec, (AVDictionary) null);
        }
        if (r < 0) {
            avcodec_free_context(context);
            throw new MediaException(MediaException.Kind.INVALID_INPUT,
                    "cannot read \"" + path + "\": cannot open its " + kind + " decoder: " + error(r));
        }
        return new Decoder(index, context, stream.time_base());
    }

    public boolean hasVideo() {
        return video != null;
    }

    public boolean hasAudio() {
        return audio != null;
    }

    /** Nominal video frame rate from the container, 0 when unknown or without video. */
    public double frameRate() {
        if (video == null) {
            return 0;
        }
        AVStream stream = format.streams(video.stream);
        AVRational r = stream.avg_frame_rate();
        if (r.num() == 0 || r.den() == 0) {
            r = stream.r_frame_rate();
        }
        return r.den() == 0 ? 0 : (double) r.num() / r.den();
    }

    /** FFmpeg's short name of the container format (e.g. "mov,mp4,m4a,3gp,3g2,mj2", "tty"). */
    public String formatName() {
        return format.iformat().name().getString();
    }

    /** Display rotation of the video in degrees, as the stream's display matrix says (0 without one). */
    public double rotation() {
        if (video == null) {
            return 0;
        }
        return DisplayMatrix.degrees(format.streams(video.stream).codecpar());
    }

    /** Container duration in seconds, 0 when unknown. */
    public double durationSeconds() {
        long d = format.duration();
        return d == AV_NOPTS_VALUE || d < 0 ? 0 : d / 1e6;
    }

    /** Packets or frames FFmpeg could not decode and that were skipped so far. */
    public long skippedErrors() {
        return skippedErrors;
    }

    /** The picture of the last {@link Item#PICTURE} (pixels null when it was not converted; array reused). */
    public LumaFrame picture() {
        return picture;
    }

    /** The samples of the last {@link Item#SAMPLES}: the first {@link #sampleCount()} are valid (array reused). */
    public float[] samples() {
        return samples;
    }

    public int sampleCount() {
        return sampleCount;
    }

    /**
     * Which pictures the caller wants, by presentation time in seconds (the clock of
     * {@link LumaFrame#timestamp()}); asked again as decoding goes on, so the answer may change.
     * Unwanted pictures come out with null pixels, or not at all when the codec can skip them
     * (non-reference frames): a caller that samples a few frames a second skips most of the
     * scaling and part of the decoding. Default: every picture.
     */
    public void wantPictures(DoublePredicate wantedAt) {
        this.wanted = wantedAt;
    }

    /** Decodes up to the next picture or block of samples; null at the end of both streams. */
    public Item next() throws MediaException {
        while (true) {
            if (draining != null) {
                Item item = receive(draining);
                if (item != null) {
                    return item;
                }
                draining = null;
            }
            if (endOfFile) {
                Decoder d = video != null && !video.finished ? video : audio != null && !audio.finished ? audio : null;
                if (d == null) {
                    return null;
                }
                draining = d;
                continue;
            }
            int r = av_read_frame(format, packet);
            if (r < 0) {
                if (r != AVERROR_EOF()) {
                    skip(r, "cannot read a packet");
                }
                endOfFile = true;
                // a null packet asks each decoder for the frames it still holds
                if (video != null) {
                    avcodec_send_packet(video.context, null);
                }
                if (audio != null) {
                    avcodec_send_packet(audio.context, null);
                }
                continue;
            }
            Decoder d = video != null && packet.stream_index() == video.stream ? video
                    : audio != null && packet.stream_index() == audio.stream ? audio : null;
            if (d != null) {
                if (d == video) {
                    // a picture nobody wants need not be decoded, if no other picture refers to it
                    long pts = packet.pts();
                    boolean keep = pts == AV_NOPTS_VALUE || wanted.test(micros(pts) / 1e6);
                    d.context.skip_frame(keep ? AVDISCARD_DEFAULT : AVDISCARD_NONREF);
                }
                r = avcodec_send_packet(d.context, packet);
                if (r < 0) {
                    skip(r, "cannot decode a packet"); // a damaged packet: keep what decodes
                } else {
                    draining = d;
                }
            }
            av_packet_unref(packet);
        }
    }

    /** Takes the next frame out of {@code d}, or returns null when it needs another packet (or is finished). */
    private Item receive(Decoder d) throws MediaException {
        while (true) {
            int r = avcodec_receive_frame(d.context, frame);
            if (r == AVERROR_EAGAIN()) {
                return null;
            }
            if (r == AVERROR_EOF()) {
                d.finished = true;
                return null;
            }
            if (r < 0) {
                skip(r, "cannot decode a frame");
                continue;
            }
            try {
                if (d == video) {
                    deliverPicture();
                    return Item.PICTURE;
                }
                if (deliverSamples()) {
                    return Item.SAMPLES;
                }
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    /** Stream time base to microseconds, rounded as FFmpegFrameGrabber does. */
    private long micros(long pts) {
        return 1_000_000L * pts * video.timeBase.num() / video.timeBase.den();
    }

    private void deliverPicture() throws MediaException {
        long pts = frame.best_effort_timestamp();
        long micros;
        if (pts == AV_NOPTS_VALUE) {
            double fps = frameRate();
            long step = fps > 0 ? Math.round(1e6 / fps) : 40_000;
            micros = lastPictureMicros == Long.MIN_VALUE ? 0 : lastPictureMicros + step;
        } else {
            micros = micros(pts);
        }
        lastPictureMicros = micros;
        if (!wanted.test(micros / 1e6)) {
            picture = new LumaFrame(pictureIndex++, micros / 1e6, width, height, null);
            return;
        }
        scaler = sws_getCachedContext(scaler, frame.width(), frame.height(), frame.format(),
                width, height, AV_PIX_FMT_GRAY8, SWS_AREA, null, null, (DoublePointer) null);
        if (scaler == null || scaler.isNull()) {
            throw new MediaException(MediaException.Kind.ENVIRONMENT,
                    "cannot scale the pictures of \"" + path + "\" (pixel format " + frame.format() + ")");
        }
        int stride = (width + 63) & ~63; // aligned rows let swscale use its vector code
        if (scaled == null) {
            scaled = new BytePointer((long) stride * height);
        }
        try (PointerPointer<?> dst = new PointerPointer<>(1L).put(0, scaled);
             IntPointer dstStride = new IntPointer(1L).put(0, stride);
             PointerPointer<?> src = new PointerPointer<>(frame)) { // AVFrame starts with data[8]
            sws_scale(scaler, src, frame.linesize(), 0, frame.height(), dst, dstStride);
        }
        for (int y = 0; y < height; y++) {
            scaled.position((long) y * stride).get(pixels, y * width, width);
        }
        scaled.position(0);
        picture = new LumaFrame(pictureIndex++, micros / 1e6, width, height, pixels);
    }

    /** Resamples the decoded audio frame into {@link #samples}; false when it yielded no sample yet. */
    private boolean deliverSamples() throws MediaException {
        if (resampler == null) {
            resampler = new SwrContext(null);
            AVChannelLayout mono = new AVChannelLayout();
            av_channel_layout_default(mono, 1);
            int r = swr_alloc_set_opts2(resampler, mono, AV_SAMPLE_FMT_FLT, sampleRate,
                    audio.context.ch_layout(), audio.context.sample_fmt(), audio.context.sample_rate(), 0, null);
            av_channel_layout_uninit(mono);
            if (r < 0 || (r = swr_init(resampler)) < 0) {
                throw new MediaException(MediaException.Kind.INVALID_INPUT,
                        "cannot resample the audio of \"" + path + "\": " + error(r));
            }
        }
        int capacity = swr_get_out_samples(resampler, frame.nb_samples());
        if (capacity > pcmOutCapacity) {
            if (pcmOut != null) {
                pcmOut.close();
            }
            pcmOutCapacity = Math.max(capacity, 4096);
            pcmOut = new FloatPointer(pcmOutCapacity);
        }
        int n;
        try (PointerPointer<?> out = new PointerPointer<>(1L).put(0, pcmOut);
             PointerPointer<?> in = new PointerPointer<>(frame)) { // AVFrame starts with data[8]
            n = swr_convert(resampler, out, pcmOutCapacity, in, frame.nb_samples());
        }
        if (n < 0) {
            skip(n, "cannot resample an audio frame");
            return false;
        }
        if (samples.length < n) {
            samples = new float[Math.max(n, samples.length * 2)];
        }
        pcmOut.position(0).get(samples, 0, n);
        sampleCount = n;
        return n > 0;
    }

    private void skip(int error, String what) throws MediaException {
        if (++skippedErrors > MAX_SKIPPED) {
            throw new MediaException(MediaException.Kind.INVALID_INPUT,
                    "\"" + path + "\" is corrupt: too many undecodable packets (" + what + ": " + error(error) + ")");
        }
    }

    static String error(int code) {
        byte[] buffer = new byte[256];
        if (av_strerror(code, buffer, buffer.length) < 0) {
            return "error " + code;
        }
        int n = 0;
        while (n < buffer.length && buffer[n] != 0) {
            n++;
        }
        return new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void freeDecoder(Decoder d) {
        if (d != null) {
            avcodec_free_context(d.context);
        }
    }

    @Override
    public void close() {
        freeDecoder(video);
        freeDecoder(audio);
        av_packet_free(packet);
        av_frame_free(frame);
        if (scaler != null) {
            sws_freeContext(scaler);
        }
        if (resampler != null) {
            swr_free(resampler);
        }
        if (scaled != null) {
            scaled.close();
        }
        if (pcmOut != null) {
            pcmOut.close();
        }
        avformat_close_input(format);
    }
}
