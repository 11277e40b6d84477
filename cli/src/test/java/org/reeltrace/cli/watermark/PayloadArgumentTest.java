package org.reeltrace.cli.watermark;

import org.junit.jupiter.api.Test;
import org.reeltrace.cli.UsageException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayloadArgumentTest {
    @Test
    void acceptsTheWholeUnsignedRange() {
        assertEquals(0L, PayloadArgument.parse("0"));
        assertEquals(1234567890L, PayloadArgument.parse("1234567890"));
        assertEquals(-1L, PayloadArgument.parse("18446744073709551615"));
        assertEquals(-1L, PayloadArgument.parse("0xffffffffffffffff"));
        assertEquals(0x499602d2L, PayloadArgument.parse("0x499602D2"));
    }

    @Test
    void rejectsOutOfRangeWithTheRange() {
        for (String bad : new String[] {"18446744073709551616", "-1", "0x10000000000000000", "12a", "", "0x", "1e3"}) {
            UsageException e = assertThrows(UsageException.class, () -> PayloadArgument.parse(bad), bad);
            assertTrue(e.hint().orElse("").contains("18446744073709551615"), e.hint().toString());
        }
    }

    @Test
    void printsDecimalAndHexOfTheUnsignedValue() {
        assertEquals("18446744073709551615", PayloadArgument.decimal(-1L));
        assertEquals("0x00000000499602d2", PayloadArgument.hex(1234567890L));
    }
}
