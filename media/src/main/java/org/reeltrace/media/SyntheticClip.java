package org.reeltrace.media;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic clips (tests, benchmarks and the demo): scenes of textured moving shapes that change every
 * couple of seconds (so clips made from different seeds look different frame by frame and in
 * their temporal structure) with a matching soundtrack of tones and noise bursts.
 * The same seed and settings give the same pictures and samples on every machine.
 */
public class SyntheticClip {
    private long seed = 1;
    private double seconds = 6;
    private int width = 320;
    private int height = 240;
    private double fps = 25;
    private boolean audio = true;
    private int sampleRate = 48000;
    private String videoCodec = "libx264";
    private int crf = 18;

    protected SyntheticClip() {
    }

    public static SyntheticClip builder() {
        return new SyntheticClip();
    }

    public SyntheticClip seed(long seed) {
        this.seed = seed;
        return this;
    }

    public SyntheticClip seconds(double seconds) {
        this.seconds = seconds;
        return this;
    }

    public SyntheticClip size(int width, int height) {
        this.width = width;
        this.height = height;
        return this;
    }

    public SyntheticClip fps(double fps) {
        this.fps = fps;
        return this;
    }

    public SyntheticClip audio(boolean audio) {
        this.audio = audio;
        return this;
    }

    /** FFmpeg encoder name, e.g. libx264, mpeg4, libvpx-vp9. */
    public SyntheticClip videoCodec(String name) {
        this.videoCodec = name;
        return this;
    }

    public SyntheticClip crf(int crf) {
        this.crf = crf;
        return this;
    }

    /** Writes the clip; the container follows the file extension (mp4, mkv, webm ...). */
    public Path write(Path out) throws IOException {
        Ffmpeg.init();
        int frames = (int) Math.round(seconds * fps);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), width, height, audio ? 1 : 0)) {
            recorder.setVideoCodecName(videoCodec);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            recorder.setGopSize((int) Math.round(fps * 2));
            recorder.setVideoOption("crf", Integer.toString(crf));
            recorder.setVideoOption("preset", "veryfast");
            if (audio) {
                recorder.setAudioCodec(out.toString().endsWith(".webm") ? avcodec.AV_CODEC_ID_OPUS : avcodec.AV_CODEC_ID_AAC);
                recorder.setSampleRate(sampleRate);
                recorder.setAudioChannels(1);
                recorder.setAudioBitrate(128_000);
            }
            recorder.start();
            Scene scene = null;
            Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
            int samplesPerFrame = (int) Math.round(sampleRate / fps);
            float[] pcm = new float[samplesPerFrame];
            long sampleIndex = 0;
            for (int i = 0; i < frames; i++) {
                double t = i / fps;
                int sceneNo = (int) (t / 2.0);
                if (scene == null || scene.number != sceneNo) {
                    scene = new Scene(seed, sceneNo, width, height);
                }
                scene.draw((ByteBuffer) frame.image[0], frame.imageStride, t - sceneNo * 2.0);
                recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
                if (audio) {
                    for (int s = 0; s < samplesPerFrame; s++, sampleIndex++) {
                        pcm[s] = scene.sample(sampleIndex / (double) sampleRate);
                    }
                    recorder.recordSamples(sampleRate, 1, FloatBuffer.wrap(pcm));
                }
            }
            recorder.stop();
        }
        return out;
    }

    /** One scene: a background gradient, textured blobs moving on fixed paths, and its tones. */
    private static final class Scene {
        final int number;
        final int width;
        final int height;
        final int[] bg = new int[6];
        final double[][] blobs;
        final double[] tones;
        final long noiseSeed;

        Scene(long seed, int number, int width, int height) {
            this.number = number;
            this.width = width;
            this.height = height;
            SplittableRandom r = new SplittableRandom(seed * 1_000_003L + number * 7919L);
            for (int i = 0; i < 6; i++) {
                bg[i] = r.nextInt(30, 226);
            }
            blobs = new double[r.nextInt(4, 9)][];
            for (int i = 0; i < blobs.length; i++) {
                // x, y, radius, vx, vy, b, g, r, texture frequency, texture phase
                blobs[i] = new double[] {r.nextDouble(), r.nextDouble(), r.nextDouble(0.06, 0.25),
                        r.nextDouble(-0.15, 0.15), r.nextDouble(-0.15, 0.15),
                        r.nextInt(256), r.nextInt(256), r.nextInt(256), r.nextDouble(0.05, 0.4), r.nextDouble(6.28)};
            }
            tones = new double[] {r.nextDouble(200, 1800), r.nextDouble(200, 1800), r.nextDouble(2, 9)};
            noiseSeed = r.nextLong();
        }

        void draw(ByteBuffer bgr, int stride, double t) {
            double fx = 1.0 / width;
            double fy = 1.0 / height;
            for (int y = 0; y < height; y++) {
                int row = y * stride;
                for (int x = 0; x < width; x++) {
                    double gx = x * fx;
                    double gy = y * fy;
                    double b = bg[0] + (bg[3] - bg[0]) * gx;
                    double g = bg[1] + (bg[4] - bg[1]) * gy;
                    double rr = bg[2] + (bg[5] - bg[2]) * (gx + gy) * 0.5;
                    for (double[] blob : blobs) {
                        double cx = wrap(blob[0] + blob[3] * t);
                        double cy = wrap(blob[1] + blob[4] * t);
                        double dx = (gx - cx) * width;
                        double dy = (gy - cy) * height;
                        double rad = blob[2] * height;
                        if (dx * dx + dy * dy < rad * rad) {
                            double tex = 0.75 + 0.25 * Math.sin(blob[8] * (dx + 2 * dy) + blob[9]);
                            b = blob[5] * tex;
                            g = blob[6] * tex;
                            rr = blob[7] * tex;
                        }
                    }
                    int o = row + x * 3;
                    bgr.put(o, (byte) clamp(b));
                    bgr.put(o + 1, (byte) clamp(g));
                    bgr.put(o + 2, (byte) clamp(rr));
                }
            }
        }

        float sample(double t) {
            double env = 0.5 + 0.5 * Math.sin(2 * Math.PI * tones[2] * t);
            double v = 0.25 * Math.sin(2 * Math.PI * tones[0] * t) + 0.2 * env * Math.sin(2 * Math.PI * tones[1] * t);
            long h = (noiseSeed + (long) (t * 48000)) * 0x9E3779B97F4A7C15L;
            double noise = ((h >>> 40) / (double) (1L << 24) - 0.5) * 0.05;
            return (float) (v + noise);
        }

        private static double wrap(double v) {
            return v - Math.floor(v);
        }

        private static int clamp(double v) {
            return (int) Math.max(0, Math.min(255, Math.round(v)));
        }
    }
}
