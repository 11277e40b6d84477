package org.reeltrace.drm.cenc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.drm.DrmException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Third-party CENC vectors (shared/media/encrypted) with decrypted goldens: our unwrap must match byte for byte. */
class CencVectorsTest {
    @TempDir
    Path dir;

    private void assertDecryptsTo(String encrypted, String golden, String keys, List<String> schemes) throws Exception {
        Path out = dir.resolve("out.mp4");
        CencUnwrapper.UnwrapResult r = CencUnwrapper.unwrap(SharedMedia.encrypted(encrypted), out, CencKeys.parse(keys, "test"), Optional.empty());
        assertEquals(schemes, r.schemes());
        assertTrue(r.samplesDecrypted() > 0);
        assertArrayEquals(Files.readAllBytes(SharedMedia.encrypted(golden)), Files.readAllBytes(out), encrypted + " differs from " + golden);
    }

    @Test
    void mp4ffFragmentedCencVideoAndAudio() throws Exception {
        assertDecryptsTo("mp4ff/prog_8s_enc_dashinit.mp4", "mp4ff/prog_8s_dec_dashinit.mp4",
                "cd7eb9ff88f34caeb06185b00024e4c2:63cb5f7184dd4b689a5c5ff11ee6a328", List.of("cenc"));
    }

    @Test
    void mp4ffCbcsVideoAndAudio() throws Exception {
        assertDecryptsTo("mp4ff/cbcs.mp4", "mp4ff/cbcsdec.mp4", "00000000000000000000000000000000:22bdb0063805260307ee5045c0f3835a", List.of("cbcs"));
        assertDecryptsTo("mp4ff/cbcs_audio.mp4", "mp4ff/cbcs_audiodec.mp4", "00000000000000000000000000000000:5ffd93861fa776e96cccd934898fc1c8",
                List.of("cbcs"));
    }

    @Test
    void mp4ffPiffSampleEncryption() throws Exception {
        assertDecryptsTo("mp4ff/piff_video_complseg-1.0001.mp4", "mp4ff/piff_video_complseg-1.0001_dec.mp4",
                "21b82dc2ebb24d5aa9f8631f04726650:602a9289bfb9b1995b75ac63f123fc86", List.of("cenc"));
    }

    @Test
    void wrongOrMissingKeyFailsVerificationWithoutOutput() {
        Path out = dir.resolve("out.mp4");
        DrmException e = assertThrows(DrmException.class, () -> CencUnwrapper.unwrap(
                SharedMedia.encrypted("shaka-player-embedded/encrypted_key_rotation.mp4"), out,
                CencKeys.parse("abba271e8bcf552bbd2e86a434a9a5d9:69eaa802a6763af979e8d1940fb88392", "test"), Optional.empty()));
        assertEquals(DrmException.Kind.VERIFICATION_FAILED, e.kind());
        assertTrue(e.getMessage().contains("no key for KID"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void everyVsdSchemeDecryptsToTheSameSamples() throws Exception {
        String keys = "eb676abbcb345e96bbcf616630f1a3da:100b6c20940f779a4589152b57d2dacb\n63cb5f7184dd4b689a5c5ff11ee6a328:3bda3329158a4789880816a70e7e436d";
        for (String track : List.of("video", "audio")) {
            byte[] reference = null;
            for (String set : List.of("cenc-single", "cens-single", "cbc1-single", "cbcs-single", "cenc-multi", "cbcs-multi")) {
                Path dirSet = SharedMedia.encrypted("vsd-shaka-packager/" + set);
                Path out = dir.resolve(set + "-" + track + ".m4s");
                CencUnwrapper.unwrap(dirSet.resolve(track + "_1.m4s"), out, CencKeys.parse(keys, "test"),
                        Optional.of(dirSet.resolve(track + "_init.mp4")));
                byte[] mdat = mediaData(out);
                if (reference == null) {
                    reference = mdat;
                } else {
                    assertArrayEquals(reference, mdat, set + " " + track + " decrypts differently from cenc-single");
                }
            }
        }
    }

    /** The mdat payloads of a file: the samples, whatever the surrounding metadata. */
    static byte[] mediaData(Path file) throws Exception {
        try (var ch = java.nio.channels.FileChannel.open(file)) {
            var out = new java.io.ByteArrayOutputStream();
            for (var b : org.reeltrace.drm.mp4.Mp4File.scan(ch).boxes()) {
                if (b.type().equals("mdat")) {
                    var buf = java.nio.ByteBuffer.allocate((int) b.bodySize());
                    org.reeltrace.drm.mp4.Mp4File.readFully(ch, buf, b.bodyOffset());
                    out.write(buf.array());
                }
            }
            return out.toByteArray();
        }
    }
}
