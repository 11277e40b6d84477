package org.reeltrace.drm.cenc;

import org.reeltrace.drm.mp4.Box;
import org.reeltrace.drm.mp4.Mp4File;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/** Reads sample auxiliary information where saiz (sizes) and saio (offsets) say it is. */
final class AuxInfoReader {
    private AuxInfoReader() {
    }

    /**
     * @param base   what saio offsets are relative to (0 in progressive files, the traf's base in fragments)
     * @param chunks the chunk index of each sample (saio may give one offset per chunk)
     */
    static List<SampleEncryption> read(FileChannel in, Box saiz, Box saio, long base, int ivSize, int samples, int[] chunks,
                                       String path) throws IOException, CencFormatException {
        try {
            ByteBuffer z = saiz.data();
            int zflags = z.getInt() & 0xFFFFFF;
            if ((zflags & 1) != 0) {
                z.getLong();
            }
            int defaultSize = z.get() & 0xff;
            long count = z.getInt() & 0xFFFFFFFFL;
            if (count != samples) {
                throw new CencFormatException(path + "/saiz", "lists " + count + " samples, the track has " + samples);
            }
            int[] sizes = new int[samples];
            long total = 0;
            for (int i = 0; i < samples; i++) {
                sizes[i] = defaultSize != 0 ? defaultSize : z.get() & 0xff;
                total += sizes[i];
            }
            ByteBuffer o = saio.data();
            int version = o.get() & 0xff;
            int oflags = ((o.get() & 0xff) << 16) | ((o.get() & 0xff) << 8) | (o.get() & 0xff);
            if ((oflags & 1) != 0) {
                o.getLong();
            }
            long entries = o.getInt() & 0xFFFFFFFFL;
            long[] offsets = new long[(int) Math.min(entries, samples + 1L)];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = version == 0 ? o.getInt() & 0xFFFFFFFFL : o.getLong();
            }
            if (offsets.length == 0) {
                throw new CencFormatException(path + "/saio", "has no offsets");
            }
            List<SampleEncryption> out = new ArrayList<>(samples);
            if (offsets.length == 1) {
                ByteBuffer all = readAt(in, base + offsets[0], total, path);
                for (int i = 0; i < samples; i++) {
                    out.add(SencBox.parseAux(all.slice(all.position(), sizes[i]), ivSize, sizes[i], path + "/saio"));
                    all.position(all.position() + sizes[i]);
                }
                return out;
            }
            long pos = -1;
            int chunk = -1;
            for (int i = 0; i < samples; i++) {
                if (chunks[i] != chunk) {
                    chunk = chunks[i];
                    if (chunk >= offsets.length) {
                        throw new CencFormatException(path + "/saio", "has no offset for chunk " + (chunk + 1));
                    }
                    pos = base + offsets[chunk];
                }
                out.add(SencBox.parseAux(readAt(in, pos, sizes[i], path), ivSize, sizes[i], path + "/saio"));
                pos += sizes[i];
            }
            return out;
        } catch (BufferUnderflowException e) {
            throw new CencFormatException(path, "saiz or saio is cut short");
        }
    }

    private static ByteBuffer readAt(FileChannel in, long pos, long length, String path) throws IOException, CencFormatException {
        if (pos < 0 || length > (64 << 20) || pos + length > in.size()) {
            throw new CencFormatException(path + "/saio", "auxiliary information lies outside the file");
        }
        ByteBuffer b = ByteBuffer.allocate((int) length);
        Mp4File.readFully(in, b, pos);
        return b.flip();
    }
}
