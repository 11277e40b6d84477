package org.reeltrace.watermark;

import org.reeltrace.media.MediaException;

/** Media failures restated in the watermark module's exception, kind kept. */
final class Errors {
    private Errors() {
    }

    static WatermarkException from(MediaException e) {
        WatermarkException.Kind kind = switch (e.kind()) {
            case INVALID_INPUT -> WatermarkException.Kind.INVALID_INPUT;
            case VERIFICATION_FAILED -> WatermarkException.Kind.VERIFICATION_FAILED;
            case ENVIRONMENT -> WatermarkException.Kind.ENVIRONMENT;
            case USAGE -> WatermarkException.Kind.USAGE;
        };
        return new WatermarkException(kind, e.getMessage(), e.hint().orElse(null), e);
    }
}
