package org.reeltrace.watermark;

import java.util.List;

/** Decodes every geometry candidate and reports a payload only when CRC and threshold agree. */
final class Decision {
    private Decision() {
    }

    static Detection decide(List<double[]> softs, String mode) {
        int hypotheses = softs.size();
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
                    return new Detection(false, null, 0, 1, reliabilities(soft), mode);
                }
                if (best == null || d.cosine() > best.cosine()) {
                    best = d;
                    bestSoft = soft;
                }
            }
        }
        if (best == null) {
            return new Detection(false, null, 0, 1, reliabilities(bestAnySoft), mode);
        }
        double fp = DetectionStatistics.falsePositiveProbability(best.cosine(), hypotheses);
        return new Detection(true, best.payload(), 1 - fp, fp, reliabilities(bestSoft), mode);
    }

    private static double[] reliabilities(double[] soft) {
        double[] r = new double[soft.length];
        for (int i = 0; i < soft.length; i++) {
            r[i] = Math.abs(soft[i]);
        }
        return r;
    }
}
