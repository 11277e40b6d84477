package org.reeltrace.drm.cenc;

import org.reeltrace.drm.mp4.Box;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/** Per-sample durations (stts), composition offsets (ctts) and sync flags (stss) of a progressive track. */
final class SampleTiming {
    final int[] durations;
    final int[] compositionOffsets;
    final boolean[] sync;
    final long[] decodeTimes;
    final boolean hasCompositionOffsets;

    private SampleTiming(int[] durations, int[] cts, boolean[] sync, boolean hasCts) {
        this.durations = durations;
        this.compositionOffsets = cts;
        this.sync = sync;
        this.hasCompositionOffsets = hasCts;
        this.decodeTimes = new long[durations.length + 1];
        for (int i = 0; i < durations.length; i++) {
            decodeTimes[i + 1] = decodeTimes[i] + (durations[i] & 0xFFFFFFFFL);
        }
    }

    static SampleTiming of(Box stbl, int samples, String path) throws CencFormatException {
        try {
            int[] durations = new int[samples];
            ByteBuffer t = stbl.child("stts").orElseThrow(() -> new CencFormatException(path, "missing stts")).data();
            t.getInt();
            long entries = t.getInt() & 0xFFFFFFFFL;
            int s = 0;
            for (long e = 0; e < entries && s < samples; e++) {
                long count = t.getInt() & 0xFFFFFFFFL;
                int delta = t.getInt();
                for (long k = 0; k < count && s < samples; k++) {
                    durations[s++] = delta;
                }
            }
            int[] cts = new int[samples];
            boolean hasCts = false;
            if (stbl.child("ctts").isPresent()) {
                hasCts = true;
                ByteBuffer c = stbl.child("ctts").get().data();
                c.getInt();
                long n = c.getInt() & 0xFFFFFFFFL;
                s = 0;
                for (long e = 0; e < n && s < samples; e++) {
                    long count = c.getInt() & 0xFFFFFFFFL;
                    int offset = c.getInt();
                    for (long k = 0; k < count && s < samples; k++) {
                        cts[s++] = offset;
                    }
                }
            }
            boolean[] sync = new boolean[samples];
            if (stbl.child("stss").isPresent()) {
                ByteBuffer y = stbl.child("stss").get().data();
                y.getInt();
                long n = y.getInt() & 0xFFFFFFFFL;
                for (long e = 0; e < n; e++) {
                    long idx = (y.getInt() & 0xFFFFFFFFL) - 1;
                    if (idx >= 0 && idx < samples) {
                        sync[(int) idx] = true;
                    }
                }
            } else {
                java.util.Arrays.fill(sync, true);
            }
            return new SampleTiming(durations, cts, sync, hasCts);
        } catch (BufferUnderflowException e) {
            throw new CencFormatException(path, "stts, ctts or stss is cut short");
        }
    }
}
