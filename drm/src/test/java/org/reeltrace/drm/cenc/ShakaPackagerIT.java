package org.reeltrace.drm.cenc;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Interop with Shaka Packager (Google's release binary, npm package shaka-packager), the packager
 * the issue names as the bar, both ways, each track under its own key:
 * <ul>
 * <li>it encrypts (cenc, cbcs, cens, cbc1; one fragmented file per track, as it writes them; with
 * and without its clear lead) and we decrypt: decoded video frames and audio packets equal the
 * clear clip's;</li>
 * <li>we encrypt (cenc, cbcs, fragmented; from a progressive and from a fragmented input; with a
 * clear lead) and it decrypts: the same equality;</li>
 * <li>both ways for HEVC (cenc and cbcs), whose subsample maps keep the slice headers clear.</li>
 * </ul>
 * Packager's parser refuses encrypted non-fragmented MP4 altogether (it requires
 * default_isProtected = 0 there), so our progressive output is checked with FFmpeg instead
 * ({@link CencFfmpegIT}). Packager also decrypts every track of a file with the pattern of the first
 * track that used a key ID, which breaks a cbcs file whose video (1:9) and audio (whole blocks)
 * share one key; separate keys per track, as here, is what packagers do anyway.
 */
class ShakaPackagerIT {
    private static final String VIDEO_KID = "0123456789abcdef0123456789abcdef";
    private static final String VIDEO_KEY = "00112233445566778899aabbccddeeff";
    private static final String AUDIO_KID = "fedcba9876543210fedcba9876543210";
    private static final String AUDIO_KEY = "ffeeddccbbaa99887766554433221100";
    private static final String PACKAGER_KEYS = "label=VIDEO:key_id=" + VIDEO_KID + ":key=" + VIDEO_KEY
            + ",label=AUDIO:key_id=" + AUDIO_KID + ":key=" + AUDIO_KEY;
    private static final Path HARNESS = Path.of("src/test/js").toAbsolutePath();

    private static Path packager;
    @TempDir
    static Path shared;
    private static Path clear;
    private static List<String> clearVideo;
    private static List<String> clearAudio;

    @TempDir
    Path dir;

    @BeforeAll
    static void requirements() throws Exception {
        String arch = System.getProperty("os.arch").matches("aarch64|arm64") ? "arm64" : "x64";
        packager = HARNESS.resolve("node_modules/shaka-packager/bin/packager-linux-" + arch);
        if (!Files.isExecutable(packager) || !System.getProperty("os.name").startsWith("Linux")) {
            String why = "Shaka Packager not found at " + packager + " (run .ci/setup.d/drm.sh)";
            if (System.getenv("CI") != null) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        assertTrue(run(packager.toString(), "--version").contains("v3.4.2"), "the pinned packager release");
        clear = FfmpegTool.syntheticClip(shared, 3);
        clearVideo = FfmpegTool.firstStream(clear, "v", false);
        clearAudio = FfmpegTool.firstStream(clear, "a", true);
        assertTrue(clearVideo.size() >= 75 && clearAudio.size() >= 140, "frames " + clearVideo.size() + ", " + clearAudio.size());
    }

    @ParameterizedTest
    @CsvSource({"cenc,0", "cbcs,0", "cens,0", "cbc1,0", "cenc,1", "cbcs,1"})
    void packagerEncryptsWeDecrypt(String scheme, int clearLead) throws Exception {
        Path video = dir.resolve("video.mp4");
        Path audio = dir.resolve("audio.mp4");
        // one-second fragments, so that a one-second clear lead (fragments naming an unprotected sample entry) leaves
        // encrypted fragments after it
        run(packager.toString(), "in=" + clear + ",stream=video,output=" + video + ",drm_label=VIDEO",
                "in=" + clear + ",stream=audio,output=" + audio + ",drm_label=AUDIO",
                "--enable_raw_key_encryption", "--keys", PACKAGER_KEYS, "--protection_scheme", scheme,
                "--clear_lead", Integer.toString(clearLead), "--segment_duration", "1", "--fragment_duration", "1");
        // really encrypted: the compressed video differs from the clear clip's
        assertNotEquals(FfmpegTool.firstStream(clear, "v", true), FfmpegTool.firstStream(video, "v", true), "packager left the video clear");
        CencKeys keys = CencKeys.parse(VIDEO_KID + ":" + VIDEO_KEY + "\n" + AUDIO_KID + ":" + AUDIO_KEY + "\n", "test");
        Path videoOut = dir.resolve("video-dec.mp4");
        Path audioOut = dir.resolve("audio-dec.mp4");
        long decrypted = CencUnwrapper.unwrap(video, videoOut, keys, Optional.empty()).samplesDecrypted();
        assertTrue(decrypted > 0 && decrypted < (clearLead > 0 ? clearVideo.size() : clearVideo.size() + 1),
                decrypted + " of " + clearVideo.size() + " video samples decrypted");
        CencUnwrapper.unwrap(audio, audioOut, keys, Optional.empty());
        FfmpegTool.assertSameFrames(clearVideo, FfmpegTool.firstStream(videoOut, "v", false), scheme + " video decoded frames");
        FfmpegTool.assertSameFrames(clearAudio, FfmpegTool.firstStream(audioOut, "a", true), scheme + " audio packets");
    }

    @ParameterizedTest
    @CsvSource({"cenc,progressive,0", "cbcs,progressive,0", "cenc,fragmented,0", "cbcs,fragmented,0", "cenc,progressive,1", "cbcs,progressive,1"})
    void weEncryptPackagerDecrypts(String scheme, String input, double clearLead) throws Exception {
        Path source = clear;
        if (input.equals("fragmented")) {
            // a clear fragmented MP4 (video and audio in one file; packager writes one track per file) goes through our
            // fragmented-input path
            source = dir.resolve("clear-frag.mp4");
            FfmpegTool.run("-i", clear.toString(), "-map", "0", "-c", "copy", "-movflags", "+frag_keyframe+empty_moov+default_base_moof",
                    source.toString());
        }
        Path ours = dir.resolve("ours.mp4");
        CencKeys keys = CencKeys.parse(VIDEO_KID + ":" + VIDEO_KEY + ":video\n" + AUDIO_KID + ":" + AUDIO_KEY + ":audio\n", "test");
        // a progressive input is fragmented on the way (--fragment); a fragmented one keeps its own fragments
        boolean fragment = source == clear;
        CencWrapper.wrap(source, ours, keys, new WrapOptions(Scheme.of(scheme).orElseThrow(), fragment, false, 1.0, clearLead));
        assertNotEquals(FfmpegTool.firstStream(clear, "v", true), FfmpegTool.firstStream(ours, "v", true), "our output is clear");
        Path video = dir.resolve("video-dec.mp4");
        Path audio = dir.resolve("audio-dec.mp4");
        run(packager.toString(), "in=" + ours + ",stream=video,output=" + video, "in=" + ours + ",stream=audio,output=" + audio,
                "--enable_raw_key_decryption", "--keys", PACKAGER_KEYS);
        FfmpegTool.assertSameFrames(clearVideo, FfmpegTool.firstStream(video, "v", false), scheme + " video frames packager decrypted");
        FfmpegTool.assertSameFrames(clearAudio, FfmpegTool.firstStream(audio, "a", true), scheme + " audio packets packager decrypted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cenc", "cbcs"})
    void hevcBothWays(String scheme) throws Exception {
        Path hevc = dir.resolve("hevc.mp4");
        FfmpegTool.run("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-t", "2", "-c:v", "libx265", "-preset", "ultrafast",
                "-x265-params", "log-level=error:keyint=25:bframes=2", "-tag:v", "hvc1", "-pix_fmt", "yuv420p", hevc.toString());
        List<String> frames = FfmpegTool.firstStream(hevc, "v", false);
        assertEquals(50, frames.size(), "HEVC frames");
        String videoKey = "label=:key_id=" + VIDEO_KID + ":key=" + VIDEO_KEY;
        Path theirs = dir.resolve("packager-hevc.mp4");
        run(packager.toString(), "in=" + hevc + ",stream=video,output=" + theirs, "--enable_raw_key_encryption", "--keys", videoKey,
                "--protection_scheme", scheme, "--clear_lead", "0", "--segment_duration", "1", "--fragment_duration", "1");
        CencKeys keys = CencKeys.parse(VIDEO_KID + ":" + VIDEO_KEY + "\n", "test");
        Path back = dir.resolve("hevc-back.mp4");
        CencUnwrapper.unwrap(theirs, back, keys, Optional.empty());
        FfmpegTool.assertSameFrames(frames, FfmpegTool.firstStream(back, "v", false), scheme + " HEVC frames we decrypted");
        Path ours = dir.resolve("ours-hevc.mp4");
        CencWrapper.wrap(hevc, ours, keys, new WrapOptions(Scheme.of(scheme).orElseThrow(), true, false, 1.0));
        Path restored = dir.resolve("hevc-restored.mp4");
        run(packager.toString(), "in=" + ours + ",stream=video,output=" + restored, "--enable_raw_key_decryption", "--keys",
                "key_id=" + VIDEO_KID + ":key=" + VIDEO_KEY);
        FfmpegTool.assertSameFrames(frames, FfmpegTool.firstStream(restored, "v", false), scheme + " HEVC frames packager decrypted");
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        ToolRun r = ToolRun.of(new ProcessBuilder(cmd), 120);
        assertEquals(0, r.exitCode(), () -> String.join(" ", cmd) + "\n" + r.output());
        return r.output();
    }
}
