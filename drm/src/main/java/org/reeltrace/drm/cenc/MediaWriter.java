package org.reeltrace.drm.cenc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes the output file front to back: boxes built in memory, and ranges of the input copied with
 * the samples inside them encrypted or decrypted on the way. The copying is cut into batches of about
 * {@link #BATCH} bytes (never inside a sample) that {@link TransformLanes} read, transform and write
 * at their output positions in parallel. Memory: one batch (or the largest sample) per lane.
 */
final class MediaWriter implements AutoCloseable {
    /** Batch size: large enough for few system calls, small enough to stay in the CPU caches. */
    static final int BATCH = 1 << 20;
    /** Boxes up to this size join the current batch; larger ones (a big moov) are written directly. */
    private static final int SMALL_LITERAL = 64 << 10;
    private static final int MAX_SAMPLE = 256 << 20;
    private final FileChannel out;
    private final TransformLanes lanes;
    private MediaBatch batch;
    private long written;
    private boolean finished;

    MediaWriter(Path file, boolean encrypt, PatternTail tail) throws IOException {
        this(file, encrypt, tail, TransformLanes.defaultLanes());
    }

    MediaWriter(Path file, boolean encrypt, PatternTail tail, int lanes) throws IOException {
        this.out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        this.lanes = new TransformLanes(out, encrypt, tail, lanes);
        this.batch = new MediaBatch(0);
    }

    long position() {
        return written;
    }

    void write(byte[] bytes) throws IOException, CencFormatException {
        if (bytes.length <= SMALL_LITERAL) {
            if (batch.size() + bytes.length > BATCH) {
                submit();
            }
            batch.addLiteral(bytes);
        } else {
            submit();
            writeAt(written, bytes);
            batch = new MediaBatch(written + bytes.length);
        }
        written += bytes.length;
    }

    /** Leaves {@code n} bytes to be filled later with {@link #writeAt}, e.g. an index that needs what follows. */
    void reserve(int n) throws IOException, CencFormatException {
        submit();
        written += n;
        batch = new MediaBatch(written);
    }

    /** Fills a range left by {@link #reserve}; nothing else writes there, so this needs no ordering. */
    void writeAt(long position, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long pos = position;
        while (b.hasRemaining()) {
            pos += out.write(b, pos);
        }
    }

    /** Copies input [from, to), transforming the samples of {@code jobs} (sorted by offset) that lie inside. */
    void copy(FileChannel in, long from, long to, List<SampleJob> jobs, int[] cursor) throws IOException, CencFormatException {
        long pos = from;
        while (cursor[0] < jobs.size() && jobs.get(cursor[0]).offset() < to) {
            SampleJob job = jobs.get(cursor[0]++);
            if (job.offset() < pos || job.offset() + job.size() > to) {
                throw new CencFormatException("mdat", "sample at byte " + job.offset() + " overlaps another or lies outside the media data");
            }
            if (job.size() > MAX_SAMPLE) {
                throw new CencFormatException("sample at byte " + job.offset(), "size " + job.size() + " is implausible");
            }
            copyPlain(in, pos, job.offset());
            if (!batch.isEmpty() && batch.size() + job.size() > BATCH) {
                submit();
            }
            batch.addSample(in, job);
            written += job.size();
            pos = job.offset() + job.size();
        }
        copyPlain(in, pos, to);
    }

    private void copyPlain(FileChannel in, long from, long to) throws IOException, CencFormatException {
        long pos = from;
        while (pos < to) {
            if (batch.size() >= BATCH) {
                submit();
            }
            int n = (int) Math.min(BATCH - batch.size(), to - pos);
            batch.addInput(in, pos, n);
            written += n;
            pos += n;
        }
    }

    private void submit() throws IOException, CencFormatException {
        if (!batch.isEmpty()) {
            lanes.submit(batch);
        }
        batch = new MediaBatch(written);
    }

    /** Writes what is still queued and waits for the lanes; throws what any of them hit. */
    void finish() throws IOException, CencFormatException {
        submit();
        lanes.finish();
        finished = true;
    }

    /**
     * Finishes the file if {@link #finish()} was not called (the normal way out of a try-with-resources
     * block). After a failure elsewhere this still writes the few queued batches; the caller discards
     * the output anyway.
     */
    @Override
    public void close() throws IOException, CencFormatException {
        try {
            if (!finished) {
                finish();
            }
        } finally {
            lanes.end();
            out.close();
        }
    }
}
