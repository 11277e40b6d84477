package org.reeltrace.cli.workflow;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Gives each recipient of a work its 64-bit watermark payload: the first 8 bytes of
 * HMAC-SHA256(watermark key, "reeltrace/payload/v1" 0x00 workId 0x00 recipient). Deterministic,
 * so an interrupted release resumes with the same IDs; keyed, so payloads reveal nothing and
 * cannot be predicted by someone who wants to frame another recipient.
 */
public final class PayloadAssigner {
    private static final byte[] LABEL = "reeltrace/payload/v1".getBytes(StandardCharsets.UTF_8);
    private final byte[] key;

    public PayloadAssigner(byte[] watermarkKey) {
        this.key = watermarkKey.clone();
    }

    public long payloadFor(String workId, String recipient) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(LABEL);
            mac.update((byte) 0);
            mac.update(workId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(recipient.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(mac.doFinal()).getLong();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
