package org.reeltrace.watermark;

/**
 * The slow keyless waveform that multiplies the mark in video: s(t) = clamp(1.5 sin(2 pi t / T),
 * -1, 1) with T = {@link #PERIOD_SECONDS}. A still camera's picture correlates with the tile as
 * much as the mark does and, being static, adds up just as coherently over time; a mark that
 * reverses every second does not, so a detector that weights each picture by cos and sin of the
 * same frequency keeps the mark and cancels everything static. The reversal takes about half a
 * second (no flicker), and the detector needs no timing: the phase comes out of the two sums.
 */
final class TemporalCarrier {
    static final double PERIOD_SECONDS = 2.0;
    private static final double OVERDRIVE = 1.5;

    private TemporalCarrier() {
    }

    /** The mark's multiplier at {@code seconds} of the marked video's own timeline. */
    static float value(double seconds) {
        double v = OVERDRIVE * Math.sin(phase(seconds));
        return (float) Math.max(-1, Math.min(1, v));
    }

    /** In-phase detector weight at {@code seconds}. */
    static float inPhase(double seconds) {
        return (float) Math.cos(phase(seconds));
    }

    /** Quadrature detector weight at {@code seconds}. */
    static float quadrature(double seconds) {
        return (float) Math.sin(phase(seconds));
    }

    private static double phase(double seconds) {
        return 2 * Math.PI * (seconds / PERIOD_SECONDS - Math.floor(seconds / PERIOD_SECONDS));
    }
}
