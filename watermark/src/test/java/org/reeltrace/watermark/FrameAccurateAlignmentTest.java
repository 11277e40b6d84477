package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameAccurateAlignmentTest {
    /** Scores of one sample's candidate pictures: a peak of {@code peak} at {@code at}, 0.5 elsewhere. */
    private static List<double[]> sample(double from, double step, int n, double at, double peak) {
        List<double[]> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double d = from + i * step;
            s.add(new double[] {d, Math.abs(d - at) < step / 2 ? peak : 0.5});
        }
        return s;
    }

    @Test
    void theOffsetMostSamplesAgreeOnWinsOverOneSamplesStrongerPeak() {
        List<List<double[]>> scored = List.of(
                sample(3.0, 0.04, 50, 4.0, 0.9),
                sample(3.01, 0.04, 50, 4.01, 0.9),
                sample(3.0, 0.04, 50, 3.4, 1.0));
        assertEquals(4.0, FrameAccurateAlignment.bestOffset(scored, 4.4), 0.011);
    }

    @Test
    void flatScoresKeepTheCoarseOffset() {
        List<List<double[]>> scored = List.of(sample(3.0, 0.04, 50, -9, 0), sample(3.0, 0.04, 50, -9, 0));
        assertEquals(4.2, FrameAccurateAlignment.bestOffset(scored, 4.2), 0.021);
    }

    @Test
    void noCandidatesKeepTheCoarseOffset() {
        assertEquals(1.5, FrameAccurateAlignment.bestOffset(List.of(new ArrayList<>(), new ArrayList<>()), 1.5));
    }
}
