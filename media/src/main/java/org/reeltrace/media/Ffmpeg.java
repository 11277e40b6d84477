package org.reeltrace.media;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;

import java.nio.file.Files;
import java.nio.file.Path;

/** Process-wide FFmpeg set-up and the checks every reader and writer shares. */
public final class Ffmpeg {
    private static volatile boolean initialised;

    private Ffmpeg() {
    }

    /** Loads the natives once and keeps FFmpeg's own logging to real errors. */
    public static void init() {
        if (!initialised) {
            synchronized (Ffmpeg.class) {
                if (!initialised) {
                    avutil.av_log_set_level(avutil.AV_LOG_QUIET);
                    initialised = true;
                }
            }
        }
    }

    /**
     * Starts loading FFmpeg's native libraries on a daemon thread (about 0.3 s), so a process that
     * will need them can parse its arguments and read its keys meanwhile. Class initialisation is
     * what loads them, and the JVM makes every other thread wait for it, so this is safe to race.
     */
    public static void preloadInBackground() {
        Thread t = new Thread(() -> {
            // the grabber's own class initialisation loads the rest it needs (swresample, avdevice and
            // with it avfilter), which the first reader otherwise waited for on the main thread
            for (String name : new String[] {"org.bytedeco.ffmpeg.global.avutil", "org.bytedeco.ffmpeg.global.avcodec",
                    "org.bytedeco.ffmpeg.global.avformat", "org.bytedeco.ffmpeg.global.swscale",
                    "org.bytedeco.javacv.FFmpegFrameGrabber"}) {
                try {
                    Class.forName(name, true, Ffmpeg.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    return; // the thread that needs FFmpeg will report it
                }
            }
        }, "ffmpeg-preload");
        t.setDaemon(true);
        t.start();
    }

    /** True when the bundled FFmpeg has an encoder of that name (libx264 is missing from LGPL builds). */
    public static boolean hasEncoder(String name) {
        init();
        AVCodec codec = avcodec.avcodec_find_encoder_by_name(name);
        return codec != null && !codec.isNull();
    }

    /** Fails with a clear message unless {@code path} is a readable, non-empty regular file. */
    public static void requireReadable(Path path) throws MediaException {
        if (!Files.exists(path)) {
            throw new MediaException(MediaException.Kind.INVALID_INPUT, "no such file \"" + path + "\"");
        }
        if (Files.isDirectory(path)) {
            throw new MediaException(MediaException.Kind.INVALID_INPUT, "\"" + path + "\" is a directory, not a media file");
        }
        if (!Files.isReadable(path)) {
            throw new MediaException(MediaException.Kind.INVALID_INPUT, "cannot read \"" + path + "\": permission denied");
        }
        try {
            if (Files.size(path) == 0) {
                throw new MediaException(MediaException.Kind.INVALID_INPUT, "\"" + path + "\" is empty");
            }
        } catch (java.io.IOException e) {
            throw new MediaException(MediaException.Kind.INVALID_INPUT, "cannot read \"" + path + "\": " + e.getMessage(), e);
        }
    }

    /** A one-line reason from a JavaCV exception, without its stack of wrappers. */
    static String reason(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return m.lines().findFirst().orElse(m).replaceAll("\\s+$", "");
    }
}
