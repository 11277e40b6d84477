package org.reeltrace.fingerprint;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TailTest {
    @Test
    void binomialTail() {
        assertEquals(1.0, Tail.binomial(0, 10, 0.3), 1e-12);
        assertEquals(0.5, Tail.binomial(1, 1, 0.5), 1e-12);
        // P(X >= 3), X ~ Bin(10, 0.1) = 0.0701908264
        assertEquals(0.0701908264, Tail.binomial(3, 10, 0.1), 1e-9);
        assertEquals(1e-30, Tail.binomial(10, 10, 1e-3), 1e-40);
    }

    @Test
    void poissonTail() {
        // P(X >= 2), X ~ Poisson(1) = 1 - 2/e
        assertEquals(1 - 2 / Math.E, Tail.poisson(2, 1.0), 1e-9);
        assertEquals(0.0, Tail.poisson(3, 0.0));
        assertEquals(1.0, Tail.poisson(0, 5.0));
    }
}
