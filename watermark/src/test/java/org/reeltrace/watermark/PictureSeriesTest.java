package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Informed reading of a copy whose encoder did not follow the rotation: every "group of pictures"
 * keeps the mark of its first picture (a key frame predicted from without coding the mark's
 * change). Read with the carrier's known phase, such a copy loses most of its mark (each group's
 * frozen angle drifts away from the carrier); read as one frozen mark, the groups' different
 * angles cancel; the segment-refined reading follows the angle the copy really has.
 */
class PictureSeriesTest {
    private static final int W = TileSyncTest.W;
    private static final int H = TileSyncTest.H;

    @Test
    void theRefinedReadingFollowsKeyFramesThatFroze() {
        WatermarkKey key = TestMedia.key(41);
        TilePattern tile = new TilePattern(key);
        int[] code = PayloadCodec.encode(TestMedia.PAYLOAD);
        ResidualAccumulator acc = new ResidualAccumulator(W, H, ResidualAccumulator.Weighting.KNOWN_TIME);
        int group = 37; // 1.48 s at 25 per second, so the key frames' angles walk around the circle
        for (int i = 0; i < 300; i++) {
            double keyFrame = (i - i % group) / 25.0;
            acc.add(TileSyncTest.markedAt(key, W, H, 0.05, 3.0, 700 + i, keyFrame), null, i / 25.0);
        }
        List<double[]> softs = InformedDetector.softs(acc, tile);
        // hypotheses at shift (0, 0): known phase, frozen (two signs), refined (two signs); a group
        // of 1.48 s spans three quarters of a turn, so the known phase may even read the bits inverted
        double known = Math.abs(agreement(softs.get(0), code));
        double frozen = Math.abs(agreement(softs.get(1), code));
        double refined = Math.abs(agreement(softs.get(3), code));
        assertTrue(refined > known + 0.1 && refined > frozen + 0.1,
                "refined " + refined + ", known phase " + known + ", frozen " + frozen);
        Detection d = InformedDetector.decide(acc, tile).detection();
        assertTrue(d.found());
        assertEquals(TestMedia.PAYLOAD, d.payload());
    }

    @Test
    void longCopiesMergeNeighbouringSegments() {
        PictureSeries series = new PictureSeries(W, H);
        float[] residual = new float[W * H];
        int pictures = PictureSeries.FIRST_SEGMENT * (PictureSeries.MAX_SEGMENTS + 10);
        for (int i = 0; i < pictures; i++) {
            series.add(residual);
        }
        assertTrue(series.segments() <= PictureSeries.MAX_SEGMENTS + 1, "segments " + series.segments());
        assertTrue(series.segments() >= PictureSeries.MAX_SEGMENTS / 2, "segments " + series.segments());
    }

    /** Mean of soft x (2c - 1): the soft values' agreement with the codeword (unit RMS softs). */
    private static double agreement(double[] soft, int[] code) {
        double s = 0;
        for (int i = 0; i < soft.length; i++) {
            s += soft[i] * (code[i] == 1 ? 1 : -1);
        }
        return s / soft.length;
    }
}
