package org.reeltrace.drm.cenc;

import org.reeltrace.drm.mp4.Box;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** One traf: its track, defaults and the absolute input position and size of each sample (tfhd + trun). */
final class TrackFragment {
    static final int BASE_DATA_OFFSET = 0x1;
    static final int DESCRIPTION_INDEX = 0x2;
    static final int DEFAULT_DURATION = 0x8;
    static final int DEFAULT_SIZE = 0x10;
    static final int DEFAULT_FLAGS = 0x20;
    static final int DEFAULT_BASE_IS_MOOF = 0x20000;

    final Box traf;
    final String path;
    final int trackId;
    final int descriptionIndex;
    final boolean explicitBase;
    final long base;
    final List<Long> positions = new ArrayList<>();
    final List<Integer> sizes = new ArrayList<>();
    /** Per trun: input position of its first sample (where its data_offset points). */
    final List<Long> runStarts = new ArrayList<>();
    long dataEnd;

    private TrackFragment(Box traf, String path, int trackId, int descriptionIndex, boolean explicitBase, long base) {
        this.traf = traf;
        this.path = path;
        this.trackId = trackId;
        this.descriptionIndex = descriptionIndex;
        this.explicitBase = explicitBase;
        this.base = base;
    }

    /**
     * Parses the trafs of a moof at input offset {@code moofStart}; {@code trex} gives per-track
     * defaults as {description index, size} (may be empty).
     */
    static List<TrackFragment> of(Box moof, String moofPath, long moofStart, java.util.Map<Integer, int[]> trex)
            throws CencFormatException {
        List<TrackFragment> out = new ArrayList<>();
        long previousEnd = moofStart;
        int index = 0;
        for (Box traf : moof.all("traf")) {
            index++;
            String path = moofPath + "/traf" + (index > 1 ? "[" + index + "]" : "");
            try {
                Box tfhd = traf.child("tfhd").orElseThrow(() -> new CencFormatException(path, "missing tfhd"));
                ByteBuffer h = tfhd.data();
                int flags = h.getInt() & 0xFFFFFF;
                int trackId = h.getInt();
                int[] defaults = trex.getOrDefault(trackId, new int[] {1, 0});
                long base = (flags & BASE_DATA_OFFSET) != 0 ? h.getLong()
                        : (flags & DEFAULT_BASE_IS_MOOF) != 0 || out.isEmpty() ? moofStart : previousEnd;
                int desc = (flags & DESCRIPTION_INDEX) != 0 ? h.getInt() : defaults[0];
                if ((flags & DEFAULT_DURATION) != 0) {
                    h.getInt();
                }
                int defaultSize = (flags & DEFAULT_SIZE) != 0 ? h.getInt() : defaults[1];
                TrackFragment f = new TrackFragment(traf, path, trackId, desc, (flags & BASE_DATA_OFFSET) != 0, base);
                long pos = base;
                for (Box trun : traf.all("trun")) {
                    ByteBuffer r = trun.data();
                    int tf = r.getInt() & 0xFFFFFF;
                    long count = r.getInt() & 0xFFFFFFFFL;
                    if ((tf & 0x1) != 0) {
                        pos = base + r.getInt();
                    }
                    if ((tf & 0x4) != 0) {
                        r.getInt();
                    }
                    int per = Integer.bitCount(tf & 0xF00) * 4;
                    if (count * per > r.remaining()) {
                        throw new CencFormatException(path + "/trun", "sample count " + count + " exceeds the box");
                    }
                    f.runStarts.add(pos);
                    for (long i = 0; i < count; i++) {
                        if ((tf & 0x100) != 0) {
                            r.getInt();
                        }
                        long size = (tf & 0x200) != 0 ? r.getInt() & 0xFFFFFFFFL : defaultSize & 0xFFFFFFFFL;
                        if ((tf & 0x400) != 0) {
                            r.getInt();
                        }
                        if ((tf & 0x800) != 0) {
                            r.getInt();
                        }
                        if (size > Integer.MAX_VALUE) {
                            throw new CencFormatException(path + "/trun", "impossible sample size " + size);
                        }
                        f.positions.add(pos);
                        f.sizes.add((int) size);
                        pos += size;
                    }
                }
                f.dataEnd = pos;
                previousEnd = pos;
                out.add(f);
            } catch (BufferUnderflowException e) {
                throw new CencFormatException(path, "tfhd or trun is cut short");
            }
        }
        return out;
    }

    /** Rewrites tfhd base and trun data offsets for an output where input position p lands at map(p). */
    void relocate(java.util.function.LongUnaryOperator map, long oldMoofStart, long newMoofStart) {
        long newBase = !explicitBase && base == oldMoofStart ? newMoofStart : map.applyAsLong(base);
        if (explicitBase) {
            ByteBuffer.wrap(traf.child("tfhd").orElseThrow().payload()).putLong(8, newBase);
        }
        List<Box> runs = traf.all("trun");
        for (int i = 0; i < runs.size(); i++) {
            byte[] p = runs.get(i).payload();
            int tf = ByteBuffer.wrap(p).getInt() & 0xFFFFFF;
            if ((tf & 0x1) != 0) {
                long offset = map.applyAsLong(runStarts.get(i)) - newBase;
                ByteBuffer.wrap(p).putInt(8, (int) offset);
            }
        }
    }
}
