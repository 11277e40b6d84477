package org.reeltrace.drm.cenc;

import org.reeltrace.drm.mp4.Box;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What reeltrace needs from one trak: id, handler, timescale, sample entries and their protection. */
final class TrackInfo {
    final Box trak;
    final int trackId;
    final String handler;
    final long timescale;
    final String path;
    /** Per stsd entry (index 0 = description index 1): its protection, if any. */
    final List<Optional<TrackEncryption>> protections = new ArrayList<>();

    private TrackInfo(Box trak, int trackId, String handler, long timescale, String path) {
        this.trak = trak;
        this.trackId = trackId;
        this.handler = handler;
        this.timescale = timescale;
        this.path = path;
    }

    static List<TrackInfo> of(Box moov) throws CencFormatException {
        List<TrackInfo> out = new ArrayList<>();
        int index = 0;
        for (Box trak : moov.all("trak")) {
            index++;
            String path = "moov/trak" + (index > 1 ? "[" + index + "]" : "");
            Box tkhd = trak.child("tkhd").orElseThrow(() -> new CencFormatException(path, "missing tkhd"));
            Box hdlr = trak.find("mdia/hdlr").orElseThrow(() -> new CencFormatException(path + "/mdia", "missing hdlr"));
            Box mdhd = trak.find("mdia/mdhd").orElseThrow(() -> new CencFormatException(path + "/mdia", "missing mdhd"));
            byte[] t = tkhd.payload();
            byte[] h = hdlr.payload();
            byte[] m = mdhd.payload();
            if (t.length < 24 || h.length < 12 || m.length < 20) {
                throw new CencFormatException(path, "tkhd, hdlr or mdhd is too short");
            }
            int trackId = ByteBuffer.wrap(t, t[0] == 1 ? 20 : 12, 4).getInt();
            long timescale = ByteBuffer.wrap(m, m[0] == 1 ? 20 : 12, 4).getInt() & 0xFFFFFFFFL;
            TrackInfo info = new TrackInfo(trak, trackId, new String(h, 8, 4, StandardCharsets.ISO_8859_1), timescale, path);
            Box stsd = trak.find("mdia/minf/stbl/stsd").orElseThrow(
                    () -> new CencFormatException(path + "/mdia/minf/stbl", "missing stsd"));
            for (Box entry : stsd.children()) {
                info.protections.add(protection(entry, path + "/mdia/minf/stbl/stsd/" + entry.type()));
            }
            out.add(info);
        }
        return out;
    }

    static Optional<TrackEncryption> protection(Box entry, String path) throws CencFormatException {
        Optional<Box> sinf = entry.child("sinf");
        if (sinf.isEmpty()) {
            if (entry.type().equals("encv") || entry.type().equals("enca")) {
                throw new CencFormatException(path, "encrypted sample entry without sinf");
            }
            return Optional.empty();
        }
        String sp = path + "/sinf";
        Box schm = sinf.get().child("schm").orElseThrow(() -> new CencFormatException(sp, "missing schm"));
        if (schm.payload().length < 8) {
            throw new CencFormatException(sp + "/schm", "too short");
        }
        String type = new String(schm.payload(), 4, 4, StandardCharsets.ISO_8859_1);
        Scheme scheme = Scheme.of(type).orElseThrow(() -> new CencFormatException(sp + "/schm",
                "unknown protection scheme \"" + type + "\" (reeltrace reads cenc, cens, cbc1 and cbcs)"));
        Box tenc = sinf.get().find("schi/tenc").orElseThrow(() -> new CencFormatException(sp + "/schi", "missing tenc"));
        sinf.get().child("frma").filter(f -> f.payload().length == 4)
                .orElseThrow(() -> new CencFormatException(sp, "missing or malformed frma"));
        return Optional.of(TrackEncryption.parseTenc(scheme, tenc.payload(), sp + "/schi/tenc"));
    }

    boolean anyProtected() {
        return protections.stream().anyMatch(Optional::isPresent);
    }

    Optional<TrackEncryption> protection(int descriptionIndex) {
        int i = descriptionIndex - 1;
        return i >= 0 && i < protections.size() ? protections.get(i) : Optional.empty();
    }

    Box stbl() {
        return trak.find("mdia/minf/stbl").orElseThrow();
    }
}
