package org.reeltrace.drm.cenc;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sequence and picture parameter sets of one video track by id, as a slice header parser needs them;
 * later sets (in-band, in samples) replace earlier ones with the same id. H.264 and HEVC differ in NAL
 * header length, NAL types and syntax ({@link AvcParameterSets}, {@link HevcParameterSets}).
 */
abstract class ParameterSets<S, P> {
    private final Map<Integer, S> sps = new HashMap<>();
    private final Map<Integer, P> pps = new HashMap<>();
    private final int headerLength;
    private final int spsType;
    private final int ppsType;

    ParameterSets(int headerLength, int spsType, int ppsType) {
        this.headerLength = headerLength;
        this.spsType = spsType;
        this.ppsType = ppsType;
    }

    abstract int nalType(int firstByte);

    /** Whether the NAL unit belongs to the base layer, the only one parsed here. */
    boolean baseLayer(byte[] nal, int off, int len) {
        return true;
    }

    abstract S parseSps(RbspBits r) throws RbspBits.OutOfData, RbspBits.Malformed;

    abstract P parsePps(RbspBits r) throws RbspBits.OutOfData, RbspBits.Malformed;

    abstract int spsId(S s);

    abstract int ppsId(P p);

    /** Takes in an SPS or PPS NAL unit ({@code nal[off, off+len)}, NAL header first); other NAL types are ignored. */
    final void update(byte[] nal, int off, int len) throws RbspBits.Malformed {
        int type = nalType(nal[off] & 0xff);
        if (type != spsType && type != ppsType || len <= headerLength || !baseLayer(nal, off, len)) {
            return;
        }
        RbspBits r = new RbspBits(nal, off + headerLength, len - headerLength);
        try {
            if (type == spsType) {
                S s = parseSps(r);
                sps.put(spsId(s), s);
            } else {
                P p = parsePps(r);
                pps.put(ppsId(p), p);
            }
        } catch (RbspBits.OutOfData e) {
            throw new RbspBits.Malformed((type == spsType ? "an SPS" : "a PPS") + " ends early");
        }
    }

    /**
     * Takes in {@code count} parameter sets stored as 16-bit length + NAL unit from {@code c[pos]}
     * (the layout avcC and hvcC share); returns the position after them.
     */
    final int updateAll(byte[] c, int pos, int count, String box, int minLength) throws RbspBits.Malformed {
        for (int i = 0; i < count; i++) {
            if (pos + 2 > c.length) {
                throw new RbspBits.Malformed(box + " ends inside a parameter set");
            }
            int len = ((c[pos] & 0xff) << 8) | (c[pos + 1] & 0xff);
            pos += 2;
            if (len < minLength || pos + len > c.length) {
                throw new RbspBits.Malformed(box + " has a parameter set longer than the box");
            }
            update(c, pos, len);
            pos += len;
        }
        return pos;
    }

    final Optional<P> pps(int id) {
        return Optional.ofNullable(pps.get(id));
    }

    final Optional<S> sps(int id) {
        return Optional.ofNullable(sps.get(id));
    }
}
