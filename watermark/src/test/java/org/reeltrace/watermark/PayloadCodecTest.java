package org.reeltrace.watermark;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayloadCodecTest {

    @Test
    void crc24MatchesTheOpenPgpCheckValue() {
        assertEquals(0x21CF02, Crc24.of("123456789".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void codewordLengthAndKnownPrefix() {
        int[] coded = PayloadCodec.encode(0x8000000000000000L);
        assertEquals(188, coded.length);
        // first info bit 1 into an empty register: both generators have their top tap set
        assertEquals(1, coded[0]);
        assertEquals(1, coded[1]);
    }

    @Test
    void roundTripsWithoutNoise() {
        for (long p : new long[] {0, 1, -1, 1234567890L, 0x00000000499602d2L, Long.MIN_VALUE}) {
            double[] soft = toSoft(PayloadCodec.encode(p), 1.0);
            PayloadCodec.Decoded d = PayloadCodec.decode(soft);
            assertEquals(p, d.payload());
            assertTrue(d.crcOk());
            assertEquals(1.0, d.cosine(), 1e-9);
        }
    }

    @Test
    void correctsTenPercentHardBitFlips() {
        SplittableRandom r = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            long p = r.nextLong();
            double[] soft = toSoft(PayloadCodec.encode(p), 1.0);
            for (int flips = 0; flips < 12; flips++) {
                int i = r.nextInt(soft.length);
                soft[i] = -soft[i];
            }
            // spread flips apart is not guaranteed; soft noise on top
            for (int i = 0; i < soft.length; i++) {
                soft[i] += r.nextGaussian() * 0.3;
            }
            PayloadCodec.Decoded d = PayloadCodec.decode(soft);
            if (d.crcOk()) {
                assertEquals(p, d.payload(), "a CRC-valid decode must be the right payload");
            }
        }
    }

    @Test
    void decodesAtLowSnrSoftValues() {
        // amplitude 1.5 against unit Gaussian noise (Eb/N0 about 3.8 dB): raw hard BER about 7%
        SplittableRandom r = new SplittableRandom(11);
        int ok = 0;
        for (int trial = 0; trial < 100; trial++) {
            long p = r.nextLong();
            double[] soft = toSoft(PayloadCodec.encode(p), 1.5);
            for (int i = 0; i < soft.length; i++) {
                soft[i] += r.nextGaussian();
            }
            PayloadCodec.Decoded d = PayloadCodec.decode(soft);
            if (d.crcOk()) {
                assertEquals(p, d.payload());
                ok++;
            }
        }
        assertTrue(ok >= 90, "decoded " + ok + "/100");
    }

    @Test
    void pureNoiseNeverPassesCrcAndStaysBelowTheThreshold() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 20000;
        double sum = 0;
        double sum2 = 0;
        double max = -1;
        for (int trial = 0; trial < n; trial++) {
            double[] soft = new double[PayloadCodec.CODED_BITS];
            for (int i = 0; i < soft.length; i++) {
                soft[i] = r.nextGaussian();
            }
            PayloadCodec.Decoded d = PayloadCodec.decode(soft);
            assertFalse(d.crcOk() && d.cosine() >= DetectionStatistics.COSINE_THRESHOLD,
                    "noise accepted at trial " + trial);
            sum += d.cosine();
            sum2 += d.cosine() * d.cosine();
            max = Math.max(max, d.cosine());
        }
        double mean = sum / n;
        double sd = Math.sqrt(sum2 / n - mean * mean);
        System.out.printf("H0 cosine: mean %.4f sd %.4f max %.4f%n", mean, sd, max);
        assertEquals(DetectionStatistics.H0_COSINE_MEAN, mean, 0.01);
        assertEquals(DetectionStatistics.H0_COSINE_SD, sd, 0.005);
    }

    static double[] toSoft(int[] coded, double amplitude) {
        double[] s = new double[coded.length];
        for (int i = 0; i < coded.length; i++) {
            s[i] = coded[i] == 1 ? amplitude : -amplitude;
        }
        return s;
    }
}
