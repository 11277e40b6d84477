package org.reeltrace.watermark;

import java.nio.file.Path;

/** Informed detection: placeholder until registration lands; falls back to blind reading. */
final class InformedDetector {
    private InformedDetector() {
    }

    static Detection detect(Path suspect, WatermarkKey key, Path reference) throws WatermarkException {
        WatermarkEmbedder.requireInput(reference);
        Detection blind = WatermarkDetector.detect(suspect, key);
        return new Detection(blind.found(), blind.payload(), blind.confidence(), blind.falsePositiveProbability(),
                blind.bitReliabilities(), "informed");
    }
}
