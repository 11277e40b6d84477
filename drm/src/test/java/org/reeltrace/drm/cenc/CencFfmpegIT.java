package org.reeltrace.drm.cenc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Interop with Debian FFmpeg both ways, and the third-party vectors checked by decoded frames. */
class CencFfmpegIT {
    private static final String KID = "0123456789abcdef0123456789abcdef";
    private static final String KEY = "00112233445566778899aabbccddeeff";
    private static final String SHAKA_KEYS = "abba271e8bcf552bbd2e86a434a9a5d9:69eaa802a6763af979e8d1940fb88392";

    @TempDir
    Path dir;

    @Test
    void subtitlesStayInProgressiveOutputAndAreNamedWhenFragmentingLeavesThemOut() throws Exception {
        Path clear = FfmpegTool.syntheticClip(dir, 3);
        Path srt = dir.resolve("s.srt");
        java.nio.file.Files.writeString(srt, "1\n00:00:00,500 --> 00:00:02,000\nhello\n");
        Path subtitled = dir.resolve("subtitled.mp4");
        FfmpegTool.run("-i", clear.toString(), "-i", srt.toString(), "-map", "0", "-map", "1", "-c:v", "copy", "-c:a", "copy",
                "-c:s", "mov_text", subtitled.toString());
        CencKeys keys = CencKeys.parse(KID + ":" + KEY, "t");
        Path progressive = dir.resolve("progressive.mp4");
        WrapResult p = CencWrapper.wrap(subtitled, progressive, keys, new WrapOptions(Scheme.CENC, false, false, 1.0));
        assertEquals(List.of(), p.droppedTracks());
        assertTrue(ToolRun.of(new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0",
                progressive.toString()), 60).output().contains("mov_text"), "subtitles kept");
        Path fragmented = dir.resolve("fragmented.mp4");
        WrapResult f = CencWrapper.wrap(subtitled, fragmented, keys, new WrapOptions(Scheme.CENC, true, false, 1.0));
        assertEquals(1, f.droppedTracks().size(), f.droppedTracks().toString());
        assertTrue(f.droppedTracks().get(0).startsWith("track 3 ("), f.droppedTracks().toString());
    }

    @ParameterizedTest
    @CsvSource({"false", "true"})
    void ffmpegDecryptsOurCencBitExactly(boolean fragment) throws Exception {
        Path clear = FfmpegTool.syntheticClip(dir, 3);
        Path wrapped = dir.resolve("ours.mp4");
        CencWrapper.wrap(clear, wrapped, CencKeys.parse(KID + ":" + KEY, "t"), new WrapOptions(Scheme.CENC, fragment, false, 1.0));
        List<String> reference = FfmpegTool.frameMd5(clear);
        assertTrue(reference.size() > 100, "too few frames: " + reference.size());
        // every compressed frame (packet) FFmpeg's demuxer decrypts is bit-identical to the source's
        List<String> key = List.of("-decryption_key", KEY);
        List<String> copy = List.of("-c", "copy");
        FfmpegTool.assertSameFrames(FfmpegTool.content(FfmpegTool.frameMd5(clear, List.of(), copy)),
                FfmpegTool.content(FfmpegTool.frameMd5(wrapped, key, copy)), "packets ffmpeg decrypts from our output");
        if (!fragment) {
            FfmpegTool.assertSameFrames(reference, FfmpegTool.frameMd5(wrapped, "-decryption_key", KEY), "decoded frames");
        } else {
            // decoded video frames too; the fragmented timeline (edit lists) shifts timestamps and AAC priming, not content
            List<String> video = FfmpegTool.content(reference).stream().filter(l -> l.startsWith("0,")).toList();
            FfmpegTool.assertSameFrames(video, FfmpegTool.content(FfmpegTool.frameMd5(wrapped, "-decryption_key", KEY)).stream()
                    .filter(l -> l.startsWith("0,")).toList(), "decoded video frames");
        }
        // and it is really encrypted: with a wrong key the decoded frames differ
        List<String> wrong;
        try {
            wrong = FfmpegTool.frameMd5(wrapped, "-decryption_key", "ffffffffffffffffffffffffffffffff");
        } catch (java.io.IOException e) {
            wrong = List.of();
        }
        assertNotEquals(reference.hashCode(), wrong.hashCode(), "a wrong key decoded the same frames: not encrypted");
    }

    @ParameterizedTest
    @CsvSource({"cenc", "cbcs"})
    void initAndMediaSegmentsWrappedOneByOneFitTogether(String scheme) throws Exception {
        Path clear = FfmpegTool.syntheticClip(dir, 4);
        Path dash = Files.createDirectories(dir.resolve("dash"));
        // FFmpeg's DASH muxer: a clear init segment and separate media segments of one second
        FfmpegTool.run("-i", clear.toString(), "-map", "0:v", "-c", "copy", "-f", "dash", "-seg_duration", "1", "-use_template", "1",
                "-init_seg_name", "init.mp4", "-media_seg_name", "seg-$Number$.m4s", dash.resolve("clear.mpd").toString());
        List<Path> segments;
        try (var files = Files.list(dash)) {
            segments = files.filter(f -> f.getFileName().toString().startsWith("seg-")).sorted(java.util.Comparator.comparingInt(
                    f -> Integer.parseInt(f.getFileName().toString().replaceAll("\\D", "")))).toList();
        }
        assertTrue(segments.size() >= 3, "too few segments: " + segments);
        CencKeys keys = CencKeys.parse(KID + ":" + KEY, "t");
        WrapOptions options = WrapOptions.progressive(Scheme.of(scheme).orElseThrow());
        Path init = dash.resolve("init.mp4");
        Path encInit = dir.resolve("init-enc.mp4");
        CencWrapper.wrap(init, encInit, keys, options);
        Path clearJoined = dir.resolve("clear-joined.mp4");
        Path encJoined = dir.resolve("enc-joined.mp4");
        Files.write(clearJoined, Files.readAllBytes(init));
        Files.write(encJoined, Files.readAllBytes(encInit));
        for (Path seg : segments) {
            Path enc = dir.resolve("enc-" + seg.getFileName());
            CencWrapper.wrap(seg, enc, keys, options, Optional.of(init));
            Files.write(clearJoined, Files.readAllBytes(seg), java.nio.file.StandardOpenOption.APPEND);
            Files.write(encJoined, Files.readAllBytes(enc), java.nio.file.StandardOpenOption.APPEND);
            // each encrypted segment also decrypts alone with the encrypted init: ours, and FFmpeg for cenc
            Path alone = dir.resolve("alone-" + seg.getFileName());
            CencUnwrapper.unwrap(enc, alone, keys, Optional.of(encInit));
            if (scheme.equals("cenc")) {
                Path pairClear = dir.resolve("pair-clear.mp4");
                Path pairEnc = dir.resolve("pair-enc.mp4");
                Files.write(pairClear, concat(init, seg));
                Files.write(pairEnc, concat(encInit, enc));
                List<String> segmentPackets = FfmpegTool.content(FfmpegTool.frameMd5(pairClear, List.of(), List.of("-c", "copy")));
                assertTrue(segmentPackets.size() > 20, "segment " + seg.getFileName() + ": " + segmentPackets.size() + " packets");
                FfmpegTool.assertSameFrames(segmentPackets, FfmpegTool.content(FfmpegTool.frameMd5(pairEnc, List.of("-decryption_key", KEY),
                        List.of("-c", "copy"))), "ffmpeg decrypting encrypted init + " + seg.getFileName());
            }
        }
        List<String> copy = List.of("-c", "copy");
        List<String> packets = FfmpegTool.content(FfmpegTool.frameMd5(clearJoined, List.of(), copy));
        assertTrue(packets.size() == 100, "expected 100 packets, got " + packets.size());
        byte[] clearSamples = CencRoundTripTest.samples(clearJoined);
        assertEquals(clearSamples.length, CencRoundTripTest.samples(encJoined).length);
        assertFalse(java.util.Arrays.equals(clearSamples, CencRoundTripTest.samples(encJoined)), "segments were not encrypted");
        Path back = dir.resolve("joined-back.mp4");
        CencUnwrapper.unwrap(encJoined, back, keys, Optional.empty());
        FfmpegTool.assertSameFrames(packets, FfmpegTool.content(FfmpegTool.frameMd5(back, List.of(), copy)),
                "init + segments wrapped one by one, decrypted by us");
        // (Debian FFmpeg 5.1 stops at the second segment of such a concatenation, "Incorrect number of samples in
        // encryption info", even without a key: its fragment index does not follow one sidx per segment. Each
        // init + segment pair above decrypts bit-exactly in it.)
    }

    private static byte[] concat(Path a, Path b) throws Exception {
        byte[] x = Files.readAllBytes(a);
        byte[] y = Files.readAllBytes(b);
        byte[] out = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    @ParameterizedTest
    @CsvSource({"false", "true"})
    void hevcCencDecryptsBitExactlyWithFfmpeg(boolean fragment) throws Exception {
        Path clear = dir.resolve("hevc.mp4");
        FfmpegTool.run("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-t", "2", "-c:v", "libx265", "-preset", "ultrafast",
                "-x265-params", "log-level=error:keyint=25:bframes=2", "-tag:v", "hvc1", "-pix_fmt", "yuv420p", clear.toString());
        Path wrapped = dir.resolve("hevc-cenc.mp4");
        CencWrapper.wrap(clear, wrapped, CencKeys.parse(KID + ":" + KEY, "t"), new WrapOptions(Scheme.CENC, fragment, false, 1.0));
        List<String> copy = List.of("-c", "copy");
        List<String> packets = FfmpegTool.content(FfmpegTool.frameMd5(clear, List.of(), copy));
        assertTrue(packets.size() == 50, "expected 50 HEVC packets, got " + packets.size());
        assertNotEquals(packets, FfmpegTool.content(FfmpegTool.frameMd5(wrapped, List.of(), copy)), "the HEVC samples were not encrypted");
        FfmpegTool.assertSameFrames(packets, FfmpegTool.content(FfmpegTool.frameMd5(wrapped, List.of("-decryption_key", KEY), copy)),
                "HEVC packets ffmpeg decrypts");
        FfmpegTool.assertSameFrames(FfmpegTool.content(FfmpegTool.frameMd5(clear)),
                FfmpegTool.content(FfmpegTool.frameMd5(wrapped, "-decryption_key", KEY)), "decoded HEVC frames");
        Path back = dir.resolve("hevc-back.mp4");
        CencUnwrapper.unwrap(wrapped, back, CencKeys.parse(KID + ":" + KEY, "t"), Optional.empty());
        FfmpegTool.assertSameFrames(packets, FfmpegTool.content(FfmpegTool.frameMd5(back, List.of(), copy)), "HEVC packets we decrypt");
    }

    @ParameterizedTest
    @CsvSource({"cenc,false", "cenc,true", "cbcs,false", "cbcs,true"})
    void clearLeadSamplesStayByteIdenticalAndEverythingDecrypts(String scheme, boolean fragment) throws Exception {
        Path clear = FfmpegTool.syntheticClip(dir, 3);
        Path wrapped = dir.resolve("lead.mp4");
        double lead = 1.0;
        CencWrapper.wrap(clear, wrapped, CencKeys.parse(KID + ":" + KEY, "t"),
                new WrapOptions(Scheme.of(scheme).orElseThrow(), fragment, false, 1.0, lead));
        String text = new String(Files.readAllBytes(wrapped), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("sbgp") && text.contains("sgpd") && text.contains("seig"), "no seig sample groups written");
        // packets as stored (no key): those starting in the clear lead are the input's bytes, the rest are not
        List<String> copy = List.of("-c", "copy");
        List<String> in = FfmpegTool.frameMd5(clear, List.of(), copy);
        List<String> stored = FfmpegTool.frameMd5(wrapped, List.of(), copy);
        assertEquals(in.size(), stored.size());
        int clearPackets = 0;
        int encryptedPackets = 0;
        Map<String, Double> timeBase = timeBases(clear);
        Map<String, Long> firstDts = new java.util.HashMap<>();
        java.util.Set<Integer> afterLead = new java.util.HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            String[] f = in.get(i).split(",");
            long dts = Long.parseLong(f[1].strip());
            // decode time from the track's start (FFmpeg shifts dts by the edit list)
            double seconds = (dts - firstDts.computeIfAbsent(f[0].strip(), k -> dts)) * timeBase.get(f[0].strip());
            boolean same = FfmpegTool.content(List.of(in.get(i))).equals(FfmpegTool.content(List.of(stored.get(i))));
            if (seconds >= lead + 0.5) {
                afterLead.add(i); // past the lead and the rest of its last fragment
            }
            if (seconds < lead - 1e-6) {
                assertTrue(same, "clear-lead packet changed: " + in.get(i) + " / " + stored.get(i));
                clearPackets++;
            } else if (!same) {
                encryptedPackets++;
            }
        }
        assertTrue(clearPackets > 20 && encryptedPackets > 40, clearPackets + " clear, " + encryptedPackets + " encrypted packets");
        // ours decrypts every packet back
        Path back = dir.resolve("lead-back.mp4");
        CencUnwrapper.unwrap(wrapped, back, CencKeys.parse(KID + ":" + KEY, "t"), Optional.empty());
        FfmpegTool.assertSameFrames(FfmpegTool.content(in), FfmpegTool.content(FfmpegTool.frameMd5(back, List.of(), copy)),
                "our unwrap of clear-lead " + scheme);
        if (scheme.equals("cenc")) {
            // Debian FFmpeg 5.1 reads no 'seig' groups. Progressive: the clear samples' all-clear subsample maps keep it
            // from touching them, so every packet comes back. Fragmented (Shaka Packager's layout: clear fragments without
            // senc) it treats the lead as full-sample encrypted and garbles or drops those packets: the packets after the
            // lead's last fragment must all come back as the input's, in order.
            List<String> decrypted = FfmpegTool.content(FfmpegTool.frameMd5(wrapped, List.of("-decryption_key", KEY), copy));
            List<String> expected = FfmpegTool.content(in);
            int compared = 0;
            for (String stream : List.of("0,", "1,")) {
                List<String> want = expected.stream().filter(l -> l.startsWith(stream)).toList();
                List<String> got = decrypted.stream().filter(l -> l.startsWith(stream)).toList();
                long mustHave = fragment ? afterLead.stream().filter(i -> in.get(i).startsWith(stream)).count() : want.size();
                assertTrue(got.size() >= mustHave && got.size() <= want.size(), stream + " " + got.size() + " of " + want.size());
                int k = (int) mustHave;
                // lists print badly: compare, then report only whether they matched
                boolean same = want.subList(want.size() - k, want.size()).equals(got.subList(got.size() - k, got.size()));
                assertTrue(same, "ffmpeg decrypting clear-lead cenc: the last " + k + " packets of stream " + stream + " differ");
                compared += k;
            }
            assertTrue(compared > 40, "compared " + compared + " packets");
        }
    }

    /** Seconds per timestamp unit of each stream as framemd5 reports it ("#tb 0: 1/12800"). */
    private static Map<String, Double> timeBases(Path file) throws Exception {
        Map<String, Double> out = new java.util.HashMap<>();
        for (String l : FfmpegTool.run("-i", file.toString(), "-map", "0", "-c", "copy", "-f", "framemd5", "-").lines().toList()) {
            if (l.startsWith("#tb ")) {
                String[] r = l.substring(l.indexOf(':') + 1).strip().split("/");
                out.put(l.substring(4, l.indexOf(':')).strip(), Double.parseDouble(r[0]) / Double.parseDouble(r[1]));
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"cenc", "cbcs"})
    void fragmentedInputFromFfmpegRoundTrips(String scheme) throws Exception {
        Path clear = FfmpegTool.syntheticClip(dir, 3);
        Path fragmented = dir.resolve("fragmented.mp4");
        // FFmpeg's default fragmenting: explicit base data offsets in tfhd, an mfra index at the end
        FfmpegTool.run("-i", clear.toString(), "-map", "0", "-c", "copy", "-movflags", "frag_keyframe+empty_moov", fragmented.toString());
        Path wrapped = dir.resolve("wrapped.mp4");
        CencWrapper.wrap(fragmented, wrapped, CencKeys.parse(KID + ":" + KEY, "t"), WrapOptions.progressive(Scheme.of(scheme).orElseThrow()));
        Path back = dir.resolve("back.mp4");
        CencUnwrapper.unwrap(wrapped, back, CencKeys.parse(KID + ":" + KEY, "t"), Optional.empty());
        // FFmpeg parses both files: every packet comes back bit for bit. (Debian FFmpeg 5.1 cannot decrypt
        // fragmented cenc without a sidx, "subsample size exceeds the packet size left": it fails the same way
        // on our own --fragment output once its sidx is removed, and decrypts it with the sidx.)
        List<String> copy = List.of("-c", "copy");
        FfmpegTool.assertSameFrames(FfmpegTool.content(FfmpegTool.frameMd5(fragmented, List.of(), copy)),
                FfmpegTool.content(FfmpegTool.frameMd5(back, List.of(), copy)), "fragmented input, " + scheme);
    }

    @Test
    void weDecryptWhatFfmpegEncrypts() throws Exception {
        Path clear = FfmpegTool.syntheticClip(dir, 3);
        Path theirs = dir.resolve("ffmpeg-cenc.mp4");
        FfmpegTool.run("-i", clear.toString(), "-map", "0", "-c", "copy", "-encryption_scheme", "cenc-aes-ctr",
                "-encryption_key", KEY, "-encryption_kid", KID, theirs.toString());
        Path ours = dir.resolve("decrypted.mp4");
        CencUnwrapper.UnwrapResult r = CencUnwrapper.unwrap(theirs, ours, CencKeys.parse(KID + ":" + KEY, "t"), Optional.empty());
        assertEquals(List.of("cenc"), r.schemes());
        FfmpegTool.assertSameFrames(FfmpegTool.frameMd5(clear), FfmpegTool.frameMd5(ours), "our decryption of ffmpeg's cenc");
    }

    @ParameterizedTest
    @CsvSource({"encrypted_low.mp4,ENCRYPTED", "encrypted_low_cenc.mp4,ENCRYPTED", "encrypted_low_cbc1.mp4,ENCRYPTED",
            "encrypted_low_cens.mp4,CLEAR", "encrypted_low_cbcs.mp4,CLEAR"})
    void shakaEmbeddedVectorsMatchTheirFrameHashes(String name, PatternTail tail) throws Exception {
        Path set = SharedMedia.encrypted("shaka-player-embedded");
        Path out = dir.resolve("dec.mp4");
        CencUnwrapper.unwrap(set.resolve(name), out, CencKeys.parse(SHAKA_KEYS, "t"), Optional.empty(), tail);
        List<String> argb = FfmpegTool.frameMd5(out, List.of(), List.of("-pix_fmt", "argb")).stream()
                .map(l -> l.substring(l.lastIndexOf(',') + 1).strip().toUpperCase(Locale.ROOT)).toList();
        // the README's oracle: hash_file.txt holds the MD5 of each decoded frame as ARGB
        FfmpegTool.assertSameFrames(Files.readAllLines(set.resolve("hash_file.txt")).stream().map(String::strip).toList(), argb, name);
        FfmpegTool.assertSameFrames(FfmpegTool.frameMd5(set.resolve("clear_low.mp4")), FfmpegTool.frameMd5(out), name);
    }

    @Test
    void shakaDashClearKeySegmentsDecodeWithoutErrors() throws Exception {
        Path set = SharedMedia.encrypted("shaka-player-dash-clearkey");
        String keys = "4060a865887842679cbf91ae5bae1e72:fc35340837310cc0fb53de97e22a69e0";
        Path joined = dir.resolve("joined.mp4");
        CencUnwrapper.UnwrapResult r = CencUnwrapper.unwrap(set.resolve("joined_init+segs.mp4"), joined, CencKeys.parse(keys, "t"), Optional.empty());
        assertTrue(r.samplesDecrypted() > 0);
        List<String> frames = FfmpegTool.frameMd5(joined, "-xerror");
        // the same decrypted one segment at a time with its init segment
        Path init = dir.resolve("init.mp4");
        CencUnwrapper.unwrap(set.resolve("video-H264-288-400k_init.mp4"), init, CencKeys.parse(keys, "t"), Optional.empty());
        Path whole = dir.resolve("whole.mp4");
        try (var out = Files.newOutputStream(whole)) {
            Files.copy(init, out);
            for (int i = 1; i <= 5; i++) {
                Path seg = dir.resolve("seg" + i + ".m4s");
                CencUnwrapper.unwrap(set.resolve("video-H264-288-400k_" + i + ".m4s"), seg, CencKeys.parse(keys, "t"),
                        Optional.of(set.resolve("video-H264-288-400k_init.mp4")));
                Files.copy(seg, out);
            }
        }
        FfmpegTool.assertSameFrames(frames, FfmpegTool.frameMd5(whole, "-xerror"), "segment by segment");
    }

    @Test
    void vsdShakaPackagerSegmentsDecodeCleanly() throws Exception {
        String keys = "eb676abbcb345e96bbcf616630f1a3da:100b6c20940f779a4589152b57d2dacb\n63cb5f7184dd4b689a5c5ff11ee6a328:3bda3329158a4789880816a70e7e436d";
        List<String> reference = null;
        for (String set : List.of("cenc-single", "cens-single", "cbc1-single", "cbcs-single", "cenc-multi", "cbcs-multi")) {
            Path d = SharedMedia.encrypted("vsd-shaka-packager/" + set);
            Path init = dir.resolve(set + "-init.mp4");
            Path seg = dir.resolve(set + "-seg.m4s");
            CencUnwrapper.unwrap(d.resolve("video_init.mp4"), init, CencKeys.parse(keys, "t"), Optional.empty());
            CencUnwrapper.unwrap(d.resolve("video_1.m4s"), seg, CencKeys.parse(keys, "t"), Optional.of(d.resolve("video_init.mp4")));
            Path whole = dir.resolve(set + ".mp4");
            Files.write(whole, concat(Files.readAllBytes(init), Files.readAllBytes(seg)));
            List<String> frames = FfmpegTool.frameMd5(whole, "-xerror");
            assertTrue(frames.size() > 10, set);
            if (reference == null) {
                reference = frames;
            } else {
                FfmpegTool.assertSameFrames(reference, frames, set);
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
