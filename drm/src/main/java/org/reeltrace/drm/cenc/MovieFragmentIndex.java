package org.reeltrace.drm.cenc;

import org.reeltrace.drm.mp4.Box;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.function.LongUnaryOperator;

/** The mfra box (tfra random-access entries): its moof offsets must follow the moofs when they move. */
final class MovieFragmentIndex {
    private MovieFragmentIndex() {
    }

    /** The mfra with every tfra moof_offset mapped to its new position. */
    static byte[] relocate(Box mfra, LongUnaryOperator map, String path) throws CencFormatException {
        for (Box tfra : mfra.all("tfra")) {
            try {
                ByteBuffer b = tfra.data();
                int version = b.get() & 0xff;
                b.position(8);
                int sizes = b.getInt();
                int extra = ((sizes >> 4) & 3) + 1 + ((sizes >> 2) & 3) + 1 + (sizes & 3) + 1;
                long entries = b.getInt() & 0xFFFFFFFFL;
                for (long e = 0; e < entries; e++) {
                    if (version == 1) {
                        b.getLong();
                        int at = b.position();
                        b.putLong(at, map.applyAsLong(b.getLong()));
                    } else {
                        b.getInt();
                        int at = b.position();
                        b.putInt(at, (int) map.applyAsLong(b.getInt() & 0xFFFFFFFFL));
                    }
                    b.position(b.position() + extra);
                }
            } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
                throw new CencFormatException(path + "/tfra", "is cut short");
            }
        }
        return mfra.toBytes();
    }
}
