package org.reeltrace.fingerprint;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IntTriplesTest {
    @Test
    void rowsSurviveGrowthInOrder() {
        IntTriples t = new IntTriples(1);
        for (int i = 0; i < 1000; i++) {
            t.add(i, -i, i * 7);
        }
        assertEquals(1000, t.size());
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, t.get(0, i));
            assertEquals(-i, t.get(1, i));
            assertEquals(i * 7, t.get(2, i));
        }
    }
}
