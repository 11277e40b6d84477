package org.reeltrace.drm.cenc;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/** A protected track's defaults: scheme (schm) and tenc fields. */
public record TrackEncryption(Scheme scheme, boolean isProtected, int perSampleIvSize, byte[] kid, byte[] constantIv,
                              int cryptBlocks, int skipBlocks) {

    public String kidHex() {
        return HexFormat.of().formatHex(kid);
    }

    /** Parses a tenc payload (full box: version, flags, fields). */
    static TrackEncryption parseTenc(Scheme scheme, byte[] payload, String path) throws CencFormatException {
        if (payload.length < 24) {
            throw new CencFormatException(path, "tenc is too short");
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        int version = b.get() & 0xff;
        b.position(5);
        int pattern = b.get() & 0xff;
        int crypt = version > 0 ? pattern >> 4 : 0;
        int skip = version > 0 ? pattern & 0x0f : 0;
        boolean prot = b.get() != 0;
        int ivSize = b.get() & 0xff;
        byte[] kid = new byte[16];
        b.get(kid);
        if (ivSize != 0 && ivSize != 8 && ivSize != 16) {
            throw new CencFormatException(path, "per-sample IV size " + ivSize + " is not 0, 8 or 16");
        }
        byte[] constIv = new byte[0];
        if (prot && ivSize == 0) {
            if (!b.hasRemaining()) {
                throw new CencFormatException(path, "tenc has no per-sample IV and no constant IV");
            }
            int n = b.get() & 0xff;
            if ((n != 8 && n != 16) || b.remaining() < n) {
                throw new CencFormatException(path, "constant IV size " + n + " is invalid");
            }
            constIv = new byte[n];
            b.get(constIv);
        }
        return new TrackEncryption(scheme, prot, ivSize, kid, constIv, crypt, skip);
    }

    /** The tenc payload for this track (version 1 when a pattern or constant IV needs it). */
    byte[] tencPayload() {
        boolean v1 = scheme.pattern();
        ByteBuffer b = ByteBuffer.allocate(24 + (perSampleIvSize == 0 ? 1 + constantIv.length : 0));
        b.put((byte) (v1 ? 1 : 0)).put(new byte[3]).put((byte) 0);
        b.put((byte) (v1 ? (cryptBlocks << 4) | skipBlocks : 0));
        b.put((byte) (isProtected ? 1 : 0)).put((byte) perSampleIvSize).put(kid);
        if (perSampleIvSize == 0) {
            b.put((byte) constantIv.length).put(constantIv);
        }
        return b.array();
    }
}
