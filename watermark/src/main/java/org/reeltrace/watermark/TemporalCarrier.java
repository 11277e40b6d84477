package org.reeltrace.watermark;

/**
 * The slow keyless rotation that moves a video's mark between its two tile patterns: at time t
 * the mark is cos(theta) P + sin(theta) Q with theta = 2 pi t / T, T = {@link #PERIOD_SECONDS}.
 * A still camera's picture correlates with the tile as much as the mark does and, being static,
 * adds up just as coherently over time; a rotating mark does not, so a detector that weights each
 * picture by cos and sin of the same frequency keeps the mark and cancels everything static.
 * Unlike a mark that reverses sign, the rotating one never passes through zero: every picture
 * (in particular every picture an encoder codes as a key frame and then only predicts from)
 * carries the mark's full energy, in a direction that depends on its time.
 */
final class TemporalCarrier {
    static final double PERIOD_SECONDS = 2.0;

    private TemporalCarrier() {
    }

    /** Weight of pattern P (and in-phase detector weight) at {@code seconds}. */
    static float inPhase(double seconds) {
        return (float) Math.cos(angle(seconds));
    }

    /** Weight of pattern Q (and quadrature detector weight) at {@code seconds}. */
    static float quadrature(double seconds) {
        return (float) Math.sin(angle(seconds));
    }

    /** theta at {@code seconds}, in [0, 2 pi). */
    static double angle(double seconds) {
        return 2 * Math.PI * (seconds / PERIOD_SECONDS - Math.floor(seconds / PERIOD_SECONDS));
    }
}
