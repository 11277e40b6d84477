package org.reeltrace.cli;

import org.junit.jupiter.api.Test;
import org.reeltrace.chain.ChainException;
import org.reeltrace.drm.DrmException;
import org.reeltrace.fingerprint.FingerprintException;
import org.reeltrace.media.MediaException;
import org.reeltrace.watermark.WatermarkException;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExitCodesTest {

    @Test
    void domainKindsMapToTheContractTable() {
        assertEquals(3, ExitCodes.of(new MediaException(MediaException.Kind.INVALID_INPUT, "x")));
        assertEquals(3, ExitCodes.of(new FingerprintException(FingerprintException.Kind.INVALID_INPUT, "x")));
        assertEquals(4, ExitCodes.of(new DrmException(DrmException.Kind.VERIFICATION_FAILED, "x")));
        assertEquals(4, ExitCodes.of(new ChainException(ChainException.Kind.VERIFICATION_FAILED, "x")));
        assertEquals(5, ExitCodes.of(new ChainException(ChainException.Kind.ENVIRONMENT, "x")));
        assertEquals(2, ExitCodes.of(new WatermarkException(WatermarkException.Kind.USAGE, "x")));
    }

    @Test
    void otherFailures() {
        assertEquals(2, ExitCodes.of(new UsageException("x")));
        assertEquals(3, ExitCodes.of(new NoSuchFileException("f")));
        assertEquals(5, ExitCodes.of(new IOException("No space left on device")));
        assertEquals(70, ExitCodes.of(new IllegalStateException("bug")));
        assertEquals(70, ExitCodes.of(new NotImplementedException("reeltrace demo")));
    }
}
