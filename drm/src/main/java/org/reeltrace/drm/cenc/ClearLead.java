package org.reeltrace.drm.cenc;

import org.reeltrace.drm.mp4.Box;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The sample groups that mark clear-lead samples (ISO/IEC 23001-7 §6, 'seig' with isProtected = 0):
 * an sgpd with one unprotected entry and an sbgp that maps the first samples to it and the rest to no
 * group (the tenc defaults). Fragmented output also points the lead's fragments at an unprotected
 * sample entry ({@link Fragmenter}), which is what Shaka Packager reads.
 */
final class ClearLead {
    /** sbgp group index of the first sgpd entry in the same traf (ISO/IEC 14496-12 §8.9.4). */
    static final int FRAGMENT_LOCAL = 0x10001;

    private ClearLead() {
    }

    /** How many leading samples of a track start before {@code seconds}. */
    static int samples(SampleTiming timing, long timescale, double seconds) {
        int n = 0;
        while (n < timing.durations.length && timing.decodeTimes[n] < seconds * timescale - 1e-9) {
            n++;
        }
        return n;
    }

    /**
     * An sgpd with one 'seig' entry: not protected, zero KID. {@code ivSize} is the per-sample IV size the
     * clear samples' auxiliary information still carries: the track's, so that readers that ignore sample
     * groups parse the same bytes (and, from the all-clear subsample maps, decrypt nothing).
     */
    static Box sgpd(int ivSize) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 + 4 + 4 + 20);
        b.putInt(0x01000000).put("seig".getBytes(StandardCharsets.US_ASCII)).putInt(20).putInt(1);
        b.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) ivSize).put(new byte[16]);
        return Box.leaf("sgpd", b.array());
    }

    /** An sbgp: the first {@code clear} of {@code total} samples in group {@code index}, the rest in none. */
    static Box sbgp(int clear, int total, int index) {
        boolean rest = total > clear;
        ByteBuffer b = ByteBuffer.allocate(12 + 8 * (rest ? 2 : 1));
        b.putInt(0).put("seig".getBytes(StandardCharsets.US_ASCII)).putInt(rest ? 2 : 1);
        b.putInt(clear).putInt(index);
        if (rest) {
            b.putInt(total - clear).putInt(0);
        }
        return Box.leaf("sbgp", b.array());
    }
}
