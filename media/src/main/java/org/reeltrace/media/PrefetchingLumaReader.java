package org.reeltrace.media;

import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link LumaFrameReader} that decodes on its own thread, a few pictures ahead of the caller, so
 * that FFmpeg's decoding and scaling of the next pictures overlap the caller's work on this one
 * (on two cores, reading a clip through costs about the larger of the two instead of their sum).
 * Each frame has its own copy of the pixels. Read it from one thread; close it to stop decoding.
 */
public final class PrefetchingLumaReader implements AutoCloseable {
    /** Pictures decoded ahead: enough to ride over a slow picture, small in memory (working sizes). */
    static final int AHEAD = 8;
    private static final Object END = new Object();
    private final Path path;
    private final LumaFrameReader reader;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread decoder;
    private volatile boolean closed;
    private boolean ended;

    private PrefetchingLumaReader(Path path, LumaFrameReader reader) {
        this.path = path;
        this.reader = reader;
        this.decoder = Thread.ofPlatform().daemon().name("reeltrace-decode").start(this::decode);
    }

    /** Opens {@code path} like {@link LumaFrameReader#open} and starts decoding. */
    public static PrefetchingLumaReader open(Path path, int width, int height) throws MediaException {
        return new PrefetchingLumaReader(path, LumaFrameReader.open(path, width, height));
    }

    public int width() {
        return reader.width();
    }

    public int height() {
        return reader.height();
    }

    private void decode() {
        try {
            LumaFrame f;
            while (!closed && (f = reader.next()) != null) {
                if (!offer(new LumaFrame(f.index(), f.timestamp(), f.width(), f.height(), f.pixels().clone()))) {
                    return;
                }
            }
            offer(END);
        } catch (MediaException e) {
            offer(e);
        } catch (RuntimeException | Error e) {
            // the caller must hear of it: it would wait for the next picture forever
            offer(new MediaException(MediaException.Kind.ENVIRONMENT, "decoding \"" + path + "\" stopped: " + e, e));
        }
    }

    /** Waits for room in the queue; false once the reader is closed. */
    private boolean offer(Object item) {
        try {
            while (!closed) {
                if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The next picture (pixels owned by the caller), or null at the end of the stream. */
    public LumaFrame next() throws MediaException {
        if (ended) {
            return null;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(MediaException.Kind.ENVIRONMENT, "interrupted while reading \"" + path + "\"", e);
        }
        if (item == END) {
            ended = true;
            return null;
        }
        if (item instanceof MediaException e) {
            ended = true;
            throw e;
        }
        return (LumaFrame) item;
    }

    /** Stops the decoding thread, then closes the decoder (never while it is in use). */
    @Override
    public void close() {
        closed = true;
        queue.clear();
        try {
            decoder.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.close();
    }
}
