package org.reeltrace.drm.cenc;

import org.reeltrace.drm.mp4.Box;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 'seig' sample groups (key rotation, clear lead): per-sample overrides of the tenc defaults, in a
 * traf or in a progressive track's stbl. In a traf, group indices above 0x10000 name the traf's own
 * sgpd entries and smaller ones the track's (stbl) entries (ISO/IEC 14496-12 §8.9.4).
 */
final class SampleGroups {
    private SampleGroups() {
    }

    /** Per sample of the traf: the overriding protection, or empty for the track default. */
    static List<Optional<TrackEncryption>> seig(Box traf, Scheme scheme, int samples, String path, Box stbl) throws CencFormatException {
        return map(traf, descriptions(traf, scheme, path), descriptions(stbl, scheme, path + "/../stbl"), samples, path);
    }

    /** Per sample of a progressive track: the overriding protection, or empty for the track default. */
    static List<Optional<TrackEncryption>> seig(Box stbl, Scheme scheme, int samples, String path) throws CencFormatException {
        return map(stbl, List.of(), descriptions(stbl, scheme, path), samples, path);
    }

    private static List<TrackEncryption> descriptions(Box container, Scheme scheme, String path) throws CencFormatException {
        List<TrackEncryption> out = new ArrayList<>();
        for (Box sgpd : container.all("sgpd")) {
            if (grouping(sgpd, 4).equals("seig")) {
                out.addAll(entries(sgpd, scheme, path + "/sgpd"));
            }
        }
        return out;
    }

    private static List<Optional<TrackEncryption>> map(Box container, List<TrackEncryption> local, List<TrackEncryption> track, int samples,
                                                       String path) throws CencFormatException {
        List<Optional<TrackEncryption>> out = new ArrayList<>();
        Optional<Box> sbgp = container.all("sbgp").stream().filter(b -> grouping(b, 4).equals("seig")).findFirst();
        if (sbgp.isEmpty()) {
            return out;
        }
        try {
            ByteBuffer b = sbgp.get().data();
            int version = b.get() & 0xff;
            b.position(8 + (version == 1 ? 4 : 0));
            long entries = b.getInt() & 0xFFFFFFFFL;
            for (long e = 0; e < entries && out.size() < samples; e++) {
                long count = b.getInt() & 0xFFFFFFFFL;
                long index = b.getInt() & 0xFFFFFFFFL;
                Optional<TrackEncryption> te = Optional.empty();
                if (index > 0x10000) {
                    te = Optional.of(entry(local, index - 0x10001, index, path));
                } else if (index != 0) {
                    te = Optional.of(entry(track, index - 1, index, path));
                }
                for (long k = 0; k < count && out.size() < samples; k++) {
                    out.add(te);
                }
            }
            return out;
        } catch (BufferUnderflowException e) {
            throw new CencFormatException(path + "/sbgp", "is cut short");
        }
    }

    private static TrackEncryption entry(List<TrackEncryption> entries, long i, long index, String path) throws CencFormatException {
        if (i >= entries.size()) {
            throw new CencFormatException(path + "/sbgp", "refers to missing seig entry " + index);
        }
        return entries.get((int) i);
    }

    private static List<TrackEncryption> entries(Box sgpd, Scheme scheme, String path) throws CencFormatException {
        try {
            ByteBuffer b = sgpd.data();
            int version = b.get() & 0xff;
            b.position(8);
            long defaultLength = version == 1 ? b.getInt() & 0xFFFFFFFFL : 0;
            if (version >= 2) {
                b.getInt();
            }
            long count = b.getInt() & 0xFFFFFFFFL;
            List<TrackEncryption> out = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                if (version == 1 && defaultLength == 0) {
                    b.getInt();
                }
                b.get();
                int pattern = b.get() & 0xff;
                boolean prot = b.get() != 0;
                int ivSize = b.get() & 0xff;
                byte[] kid = new byte[16];
                b.get(kid);
                byte[] constIv = new byte[0];
                if (prot && ivSize == 0) {
                    constIv = new byte[b.get() & 0xff];
                    b.get(constIv);
                }
                out.add(new TrackEncryption(scheme, prot, ivSize, kid, constIv, pattern >> 4, pattern & 0xf));
            }
            return out;
        } catch (BufferUnderflowException e) {
            throw new CencFormatException(path, "is cut short");
        }
    }

    private static String grouping(Box b, int at) {
        byte[] p = b.payload();
        return p != null && p.length >= at + 4 ? new String(p, at, 4, StandardCharsets.ISO_8859_1) : "";
    }
}
