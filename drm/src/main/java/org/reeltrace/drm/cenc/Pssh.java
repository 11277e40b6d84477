package org.reeltrace.drm.cenc;

import org.reeltrace.drm.mp4.Box;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HexFormat;

/** The W3C Common (ClearKey) pssh box: system id 1077efec-c0b2-4d02-ace3-3c1e52e2fb4b, version 1 with KIDs. */
final class Pssh {
    static final byte[] COMMON_SYSTEM_ID = HexFormat.of().parseHex("1077efecc0b24d02ace33c1e52e2fb4b");

    private Pssh() {
    }

    static Box common(Collection<byte[]> kids) {
        ByteBuffer b = ByteBuffer.allocate(4 + 16 + 4 + 16 * kids.size() + 4);
        b.putInt(0x01000000).put(COMMON_SYSTEM_ID).putInt(kids.size());
        kids.forEach(b::put);
        b.putInt(0);
        return Box.leaf("pssh", b.array());
    }
}
