package org.reeltrace.chain;

/**
 * Crash points for the kill tests: with system property reeltrace.chain.haltAt=POINT the JVM
 * halts there (no shutdown hooks, no flushing: what kill -9 does), so tests can show the journal
 * recovers from each step of an anchoring run.
 */
final class FaultInjection {
    private static final String POINT = System.getProperty("reeltrace.chain.haltAt");

    private FaultInjection() {
    }

    static void at(String point) {
        if (point.equals(POINT)) {
            Runtime.getRuntime().halt(137);
        }
    }
}
