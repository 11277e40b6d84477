package org.reeltrace.drm.cenc;

import org.reeltrace.drm.mp4.Mp4File;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the output file sequentially: boxes built in memory, and ranges of the input copied with
 * the samples inside them encrypted or decrypted on the way (memory: one sample plus a 1 MiB buffer).
 */
final class MediaWriter implements Closeable {
    private static final int MAX_SAMPLE = 256 << 20;
    private final OutputStream out;
    private final boolean encrypt;
    private final PatternTail tail;
    private final Map<TrackEncryption, Map<byte[], SampleCipher>> ciphers = new IdentityHashMap<>();
    private final byte[] copyBuffer = new byte[1 << 20];
    private byte[] sample = new byte[1 << 16];
    private long written;

    MediaWriter(Path file, boolean encrypt, PatternTail tail) throws IOException {
        this.tail = tail;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        this.encrypt = encrypt;
    }

    long position() {
        return written;
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        written += bytes.length;
    }

    /** Copies input [from, to), transforming the samples of {@code jobs} (sorted by offset) that lie inside. */
    void copy(FileChannel in, long from, long to, List<SampleJob> jobs, int[] cursor) throws IOException, CencFormatException {
        long pos = from;
        while (cursor[0] < jobs.size() && jobs.get(cursor[0]).offset() < to) {
            SampleJob job = jobs.get(cursor[0]++);
            if (job.offset() < pos || job.offset() + job.size() > to) {
                throw new CencFormatException("mdat", "sample at byte " + job.offset() + " overlaps another or lies outside the media data");
            }
            copyPlain(in, pos, job.offset());
            transform(in, job);
            pos = job.offset() + job.size();
        }
        copyPlain(in, pos, to);
    }

    private void copyPlain(FileChannel in, long from, long to) throws IOException {
        long pos = from;
        while (pos < to) {
            int n = (int) Math.min(copyBuffer.length, to - pos);
            Mp4File.readFully(in, ByteBuffer.wrap(copyBuffer, 0, n), pos);
            out.write(copyBuffer, 0, n);
            written += n;
            pos += n;
        }
    }

    private void transform(FileChannel in, SampleJob job) throws IOException, CencFormatException {
        if (job.size() > MAX_SAMPLE) {
            throw new CencFormatException("sample at byte " + job.offset(), "size " + job.size() + " is implausible");
        }
        if (sample.length < job.size()) {
            sample = new byte[Math.max(job.size(), sample.length * 2)];
        }
        Mp4File.readFully(in, ByteBuffer.wrap(sample, 0, job.size()), job.offset());
        if (job.track().isProtected()) {
            try {
                byte[] iv = job.encryption().iv().length > 0 ? job.encryption().iv() : job.track().constantIv();
                cipher(job).apply(sample, 0, job.size(), job.encryption(), iv);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK lacks AES", e);
            } catch (CencFormatException e) {
                throw new CencFormatException("sample at byte " + job.offset(), e.getMessage());
            }
        }
        out.write(sample, 0, job.size());
        written += job.size();
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

    @Override
    public void close() throws IOException {
        out.close();
    }
}
