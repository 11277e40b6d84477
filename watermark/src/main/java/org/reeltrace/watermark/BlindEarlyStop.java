package org.reeltrace.watermark;

import java.util.List;

/**
 * Lets blind detection stop reading once the evidence is beyond doubt. After 12, 24, 48, ...
 * pictures the accumulated residual is decoded at the nominal period (shift (0, 0) and the best
 * shift, both carrier signs; the scale search is left to the full read); a payload that checks with a
 * false-positive probability of at most {@link #STOP_FP}, counting every hypothesis tried so far,
 * ends the reading. Every ~10 s carries the whole payload, so a marked film is identified from
 * its first seconds instead of being decoded to the end; an unmarked or weak copy is read whole.
 */
final class BlindEarlyStop {
    /** Far below the decision's own bar (about 3e-12 at the threshold): a stop is never a guess. */
    static final double STOP_FP = 1e-15;
    private static final int FIRST_CHECK = 12;
    private final TilePattern tile;
    private int nextCheck = FIRST_CHECK;
    /** The sum being checked: a letterboxed copy is read again inside its bars, and counting restarts. */
    private ResidualAccumulator checking;
    private int hypothesesTried;
    private Detection detection;

    BlindEarlyStop(TilePattern tile) {
        this.tile = tile;
    }

    /** Called after each picture; true when the reading can stop. */
    boolean enough(ResidualAccumulator acc) {
        if (acc != checking) {
            checking = acc;
            nextCheck = FIRST_CHECK;
        }
        if (acc.pictures < nextCheck) {
            return false;
        }
        nextCheck = 2 * acc.pictures;
        List<double[]> softs = WatermarkDetector.blindSoft(acc, tile, false);
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

    /** Hypotheses decoded by the checks (they count in the final false-positive probability). */
    int hypothesesTried() {
        return hypothesesTried;
    }
}
