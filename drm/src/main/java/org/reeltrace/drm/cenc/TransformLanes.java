package org.reeltrace.drm.cenc;

import org.reeltrace.drm.mp4.Mp4File;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Worker threads ("lanes") that each take whole batches: read the input pieces with positional reads
 * into the lane's buffer, transform the samples in place, and write the batch at its output position.
 * Batches finish in any order; the file is complete when {@link #finish()} returns. On a 2-core
 * machine two lanes keep both cores on the kernel copies and AES, which alone would make one core
 * the bottleneck. Memory: one buffer per lane (the batch size, or the largest sample) plus the queue.
 */
final class TransformLanes {
    private static final MediaBatch END = new MediaBatch(-1);
    private final FileChannel out;
    private final boolean encrypt;
    private final PatternTail tail;
    private final BlockingQueue<MediaBatch> queue;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private boolean ended;
    /** The failure has been thrown to the caller once; throwing the same object again from close() would make
     * try-with-resources call addSuppressed on itself, which replaces the real error with an IllegalArgumentException. */
    private boolean reported;

    TransformLanes(FileChannel out, boolean encrypt, PatternTail tail, int lanes) {
        this.out = out;
        this.encrypt = encrypt;
        this.tail = tail;
        this.queue = new ArrayBlockingQueue<>(lanes);
        for (int i = 0; i < lanes; i++) {
            Thread t = new Thread(this::run, "cenc-lane-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** The lanes to use here: one per core, at most four (beyond that the copies are memory bound). */
    static int defaultLanes() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Queues {@code batch}, waiting while every lane is busy; reports a lane's failure as soon as it is seen. */
    void submit(MediaBatch batch) throws IOException, CencFormatException {
        rethrow();
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing");
        }
    }

    /** Waits until every queued batch is written; throws the first failure of any lane unless it was already thrown. */
    void finish() throws IOException, CencFormatException {
        end();
        rethrow();
    }

    /** Stops the lanes after the queued batches (or at once, when one failed) and waits for them. */
    void end() {
        if (ended) {
            return;
        }
        ended = true;
        boolean interrupted = false;
        for (int i = 0; i < threads.size(); i++) {
            while (true) {
                try {
                    queue.put(END);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        for (Thread t : threads) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() throws IOException, CencFormatException {
        Throwable t = failure.get();
        if (t == null || reported) {
            return;
        }
        reported = true;
        if (t instanceof IOException e) {
            throw e;
        } else if (t instanceof CencFormatException e) {
            throw e;
        } else if (t instanceof RuntimeException e) {
            throw e;
        } else if (t instanceof Error e) {
            throw e;
        }
    }

    private void run() {
        Lane lane = new Lane();
        while (true) {
            MediaBatch b;
            try {
                b = queue.take();
            } catch (InterruptedException e) {
                failure.compareAndSet(null, new java.io.InterruptedIOException("interrupted while writing"));
                continue; // keep draining until END, so end() never waits on a full queue
            }
            if (b == END) {
                return;
            }
            if (failure.get() != null) {
                continue; // drain without work; the first failure is what gets reported
            }
            try {
                lane.process(b);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        }
    }

    /** One lane's buffer and ciphers (a Cipher is not thread-safe). */
    private final class Lane {
        private final Map<TrackEncryption, Map<byte[], SampleCipher>> ciphers = new IdentityHashMap<>();
        private byte[] buffer = new byte[MediaWriter.BATCH];

        void process(MediaBatch b) throws IOException, CencFormatException {
            if (buffer.length < b.size()) {
                buffer = new byte[b.size()];
            }
            int at = 0;
            for (MediaBatch.Piece p : b.pieces) {
                if (p.literal() != null) {
                    System.arraycopy(p.literal(), 0, buffer, at, p.length());
                } else {
                    Mp4File.readFully(p.channel(), ByteBuffer.wrap(buffer, at, p.length()), p.from());
                }
                at += p.length();
            }
            for (MediaBatch.Sample s : b.samples) {
                transform(s.at(), s.job());
            }
            ByteBuffer data = ByteBuffer.wrap(buffer, 0, b.size());
            long pos = b.outputPosition;
            while (data.hasRemaining()) {
                pos += out.write(data, pos);
            }
        }

        private void transform(int at, SampleJob job) throws CencFormatException {
            if (!job.track().isProtected()) {
                return;
            }
            try {
                byte[] iv = job.encryption().iv().length > 0 ? job.encryption().iv() : job.track().constantIv();
                cipher(job).apply(buffer, at, job.size(), job.encryption(), iv);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK lacks AES", e);
            } catch (CencFormatException e) {
                throw new CencFormatException("sample at byte " + job.offset(), e.getMessage());
            }
        }

        private SampleCipher cipher(SampleJob job) throws GeneralSecurityException {
            Map<byte[], SampleCipher> byKey = ciphers.computeIfAbsent(job.track(), t -> new IdentityHashMap<>());
            SampleCipher c = byKey.get(job.key());
            if (c == null) {
                c = new SampleCipher(job.track(), job.key(), encrypt, tail);
                byKey.put(job.key(), c);
            }
            return c;
        }
    }
}
