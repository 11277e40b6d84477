package org.reeltrace.cli.watermark;

import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.keys.KeyFiles;
import org.reeltrace.watermark.WatermarkKey;

import java.nio.file.Path;

/** Watermark keys come from key files only (never argv), in the format of `keys generate --type watermark`. */
final class KeyLoading {
    private KeyLoading() {
    }

    static WatermarkKey watermarkKey(Path file) throws DrmException {
        return WatermarkKey.of(KeyFiles.readWatermarkKey(file));
    }
}
