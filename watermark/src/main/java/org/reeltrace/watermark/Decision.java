package org.reeltrace.watermark;

import java.util.List;

/** Decodes every geometry candidate and reports a payload only when CRC and threshold agree. */
final class Decision {
    private Decision() {
    }

    /** A detection and the soft vector with the best decoded correlation (for bit error rates). */
    record Analysis(Detection detection, double[] bestSoft) {
    }

    static Detection decide(List<double[]> softs, String mode) {
        return analyse(softs, mode).detection();
    }

    static Analysis analyse(List<double[]> softs, String mode) {
        return analyse(softs, mode, 0);
    }

    /**
     * As {@link #analyse(List, String)}, with {@code earlierHypotheses} decoded before on the same
     * suspect (early checks of blind detection): they count in the false-positive probability.
     */
    static Analysis analyse(List<double[]> softs, String mode, int earlierHypotheses) {
        int hypotheses = softs.size() + earlierHypotheses;
        PayloadCodec.Decoded best = null;
        double[] bestSoft = null;
        double bestCosine = Double.NEGATIVE_INFINITY;
        double[] bestAnySoft = softs.isEmpty() ? new double[PayloadCodec.CODED_BITS] : softs.get(0);
        for (double[] soft : softs) {
            PayloadCodec.Decoded d = PayloadCodec.decode(soft);
            if (d.cosine() > bestCosine) {
                bestCosine = d.cosine();
                bestAnySoft = soft;
            }
            if (d.crcOk() && d.cosine() >= DetectionStatistics.COSINE_THRESHOLD) {
                if (best != null && best.payload() != d.payload()) {
                    // two geometries, two different valid payloads: refuse to guess
                    return new Analysis(new Detection(false, null, 0, 1, reliabilities(soft), mode), soft);
                }
                if (best == null || d.cosine() > best.cosine()) {
                    best = d;
                    bestSoft = soft;
                }
            }
        }
        if (best == null) {
            return new Analysis(new Detection(false, null, 0, 1, reliabilities(bestAnySoft), mode), bestAnySoft);
        }
        double fp = DetectionStatistics.falsePositiveProbability(best.cosine(), hypotheses);
        return new Analysis(new Detection(true, best.payload(), 1 - fp, fp, reliabilities(bestSoft), mode), bestSoft);
    }

    private static double[] reliabilities(double[] soft) {
        double[] r = new double[soft.length];
        for (int i = 0; i < soft.length; i++) {
            r[i] = Math.abs(soft[i]);
        }
        return r;
    }
}
