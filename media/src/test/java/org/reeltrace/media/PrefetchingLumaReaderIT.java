package org.reeltrace.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.media.testing.SyntheticVideo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decoding ahead on another thread gives exactly the pictures a plain read gives, and stops cleanly. */
class PrefetchingLumaReaderIT {
    @TempDir
    Path dir;

    @Test
    void givesThePicturesAPlainReadGives() throws Exception {
        Path clip = SyntheticVideo.builder().seed(5).seconds(4).size(320, 180).fps(25).audio(false).write(dir.resolve("p.mp4"));
        List<LumaFrame> plain = new ArrayList<>();
        try (LumaFrameReader r = LumaFrameReader.open(clip, 160, 90)) {
            LumaFrame f;
            while ((f = r.next()) != null) {
                plain.add(new LumaFrame(f.index(), f.timestamp(), f.width(), f.height(), f.pixels().clone()));
            }
        }
        List<LumaFrame> ahead = new ArrayList<>();
        try (PrefetchingLumaReader r = PrefetchingLumaReader.open(clip, 160, 90)) {
            assertEquals(160, r.width());
            LumaFrame f;
            while ((f = r.next()) != null) {
                ahead.add(f);
            }
            assertNull(r.next(), "stays at the end");
        }
        assertEquals(100, plain.size());
        assertEquals(plain.size(), ahead.size());
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.get(i).timestamp(), ahead.get(i).timestamp(), 1e-9);
            assertArrayEquals(plain.get(i).pixels(), ahead.get(i).pixels(), "picture " + i);
        }
        // every frame owns its pixels
        assertTrue(ahead.get(0).pixels() != ahead.get(1).pixels() && !Arrays.equals(ahead.get(0).pixels(), ahead.get(60).pixels()));
    }

    @Test
    void closingBeforeTheEndStopsTheDecoder() throws Exception {
        Path clip = SyntheticVideo.builder().seed(6).seconds(6).size(320, 180).fps(25).audio(false).write(dir.resolve("q.mp4"));
        long before = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("reeltrace-decode")).count();
        try (PrefetchingLumaReader r = PrefetchingLumaReader.open(clip, 160, 90)) {
            r.next();
            Thread.sleep(200); // the decoder fills its queue and waits
        }
        long after = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("reeltrace-decode") && t.isAlive()).count();
        assertEquals(before, after, "decoder thread ended");
    }

    @Test
    void anUnreadableFileFailsAtOpen() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.mp4"), "not a video");
        MediaException e = assertThrows(MediaException.class, () -> PrefetchingLumaReader.open(junk, 64, 36));
        assertTrue(e.getMessage().contains("junk.mp4"), e.getMessage());
    }
}
