package org.reeltrace.drm.cenc;

import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * One contiguous range of the output, at most about {@link MediaWriter#BATCH} bytes (more only for a
 * single larger sample), described as input ranges and small literal boxes in output order, and the
 * samples inside it to transform. Samples never straddle two batches, so each is transformed whole.
 */
final class MediaBatch {
    /** Input bytes [from, from + length) of {@code channel}, or {@code literal} when it is not null. */
    record Piece(FileChannel channel, long from, int length, byte[] literal) {
    }

    /** A sample that starts {@code at} bytes into the batch. */
    record Sample(int at, SampleJob job) {
    }

    final long outputPosition;
    final List<Piece> pieces = new ArrayList<>();
    final List<Sample> samples = new ArrayList<>();
    private int size;

    MediaBatch(long outputPosition) {
        this.outputPosition = outputPosition;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Appends input bytes, merged with the previous piece when they continue it (one read instead of two). */
    void addInput(FileChannel channel, long from, int length) {
        if (!pieces.isEmpty()) {
            Piece last = pieces.get(pieces.size() - 1);
            if (last.literal() == null && last.channel() == channel && last.from() + last.length() == from) {
                pieces.set(pieces.size() - 1, new Piece(channel, last.from(), last.length() + length, null));
                size += length;
                return;
            }
        }
        pieces.add(new Piece(channel, from, length, null));
        size += length;
    }

    void addSample(FileChannel channel, SampleJob job) {
        samples.add(new Sample(size, job));
        addInput(channel, job.offset(), job.size());
    }

    void addLiteral(byte[] bytes) {
        pieces.add(new Piece(null, 0, bytes.length, bytes));
        size += bytes.length;
    }
}
