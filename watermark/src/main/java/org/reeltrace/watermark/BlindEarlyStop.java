package org.reeltrace.watermark;

import java.util.List;

/**
 * Lets blind detection stop reading once the evidence is beyond doubt. The accumulated residual
 * is decoded at the untouched geometry (nominal period, shift (0, 0); cheap) after 12, 18, 24, ...
 * 48 pictures and then 96, 192, ...; and with the nominal period's best shift too (the shift
 * search is most of a check's cost) after 24, 48, 96, ... pictures; rotating and frozen readings,
 * both signs; the scale search is left to the full read. A payload that checks with a
 * false-positive probability of at most {@link #STOP_FP}, counting every hypothesis tried so far,
 * ends the reading. Every ~10 s carries the whole payload, so a marked film is identified from
 * its first second instead of being decoded to the end; an unmarked or weak copy is read whole.
 */
final class BlindEarlyStop {
    /** Far below the decision's own bar (about 3e-12 at the threshold): a stop is never a guess. */
    static final double STOP_FP = 1e-15;
    private static final int FIRST_CHECK = 12;
    /** Untouched-geometry checks come every this many pictures up to {@link #DENSE_UNTIL}. */
    private static final int DENSE_STEP = 6;
    private static final int DENSE_UNTIL = 48;
    private final TilePattern tile;
    private int nextNominal = FIRST_CHECK;
    private int nextShift = 2 * FIRST_CHECK;
    /** The sum being checked: a letterboxed copy is read again inside its bars, and counting restarts. */
    private ResidualAccumulator checking;
    private int hypothesesTried;
    private Detection detection;

    BlindEarlyStop(TilePattern tile) {
        this(tile, 0);
    }

    /** With {@code earlierHypotheses} decoded on the same suspect before (an informed reading): they count too. */
    BlindEarlyStop(TilePattern tile, int earlierHypotheses) {
        this.tile = tile;
        this.hypothesesTried = earlierHypotheses;
    }

    /** Called after each picture; true when the reading can stop. */
    boolean enough(ResidualAccumulator acc) {
        if (acc != checking) {
            checking = acc;
            nextNominal = FIRST_CHECK;
            nextShift = 2 * FIRST_CHECK;
        }
        int n = acc.pictures;
        if (n >= nextShift) {
            nextShift = 2 * n;
            nextNominal = next(n);
            return decided(WatermarkDetector.blindSoft(acc, tile, TileSync.Search.SHIFT));
        }
        if (n >= nextNominal) {
            nextNominal = next(n);
            return decided(WatermarkDetector.blindSoft(acc, tile, TileSync.Search.NONE));
        }
        return false;
    }

    private static int next(int pictures) {
        return pictures < DENSE_UNTIL ? pictures + DENSE_STEP : 2 * pictures;
    }

    private boolean decided(List<double[]> softs) {
        hypothesesTried += softs.size();
        Detection d = Decision.analyse(softs, "blind", hypothesesTried - softs.size()).detection();
        if (d.found() && d.falsePositiveProbability() <= STOP_FP) {
            detection = d;
            return true;
        }
        return false;
    }

    /** The detection that stopped the reading, or null when it ran to the end. */
    Detection detection() {
        return detection;
    }

    /** Hypotheses decoded by the checks and before them (they count in the final false-positive probability). */
    int hypothesesTried() {
        return hypothesesTried;
    }
}
