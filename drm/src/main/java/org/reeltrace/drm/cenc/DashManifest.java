package org.reeltrace.drm.cenc;

import org.reeltrace.drm.mp4.Box;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A static DASH on-demand manifest for one fragmented MP4 (SegmentBase: Initialization range = ftyp+moov,
 * indexRange = the sidx), with mp4protection (default_KID) and W3C ClearKey ContentProtection, as Shaka
 * Packager writes for single-file output.
 */
final class DashManifest {
    private static final String CLEARKEY_SYSTEM = "urn:uuid:e2719d58-a985-b3c9-781a-b030af78d30e";

    private DashManifest() {
    }

    static Path write(Path media, Fragmenter.ManifestInfo info, long bytes) throws IOException {
        String name = media.getFileName().toString();
        String base = name.endsWith(".mp4") ? name.substring(0, name.length() - 4) : name;
        Path mpd = media.toAbsolutePath().resolveSibling(base + ".mpd");
        boolean video = info.plans().stream().anyMatch(p -> p.track.handler.equals("vide"));
        StringJoiner codecs = new StringJoiner(",");
        String size = "";
        for (TrackPlan p : info.plans()) {
            Box entry = p.track.stbl().child("stsd").orElseThrow().children().get(0);
            codecs.add(codec(entry));
            if (p.track.handler.equals("vide") && entry.prefix().length >= 28) {
                int w = ((entry.prefix()[24] & 0xff) << 8) | (entry.prefix()[25] & 0xff);
                int h = ((entry.prefix()[26] & 0xff) << 8) | (entry.prefix()[27] & 0xff);
                size = " width=\"" + w + "\" height=\"" + h + "\"";
            }
        }
        TrackPlan first = info.plans().get(0);
        String kid = uuid(first.encryption.kid());
        long bandwidth = (long) Math.max(1, bytes * 8 / Math.max(0.001, info.durationSeconds()));
        String duration = String.format(Locale.ROOT, "PT%.3fS", info.durationSeconds());
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- written by reeltrace drm wrap --mpd -->
                <MPD xmlns="urn:mpeg:dash:schema:mpd:2011" xmlns:cenc="urn:mpeg:cenc:2013" profiles="urn:mpeg:dash:profile:isoff-on-demand:2011" type="static" minBufferTime="PT2S" mediaPresentationDuration="%s">
                  <Period id="0">
                    <AdaptationSet id="0" contentType="%s" mimeType="%s/mp4" segmentAlignment="true" subsegmentAlignment="true" subsegmentStartsWithSAP="1">
                      <ContentProtection schemeIdUri="urn:mpeg:dash:mp4protection:2011" value="%s" cenc:default_KID="%s"/>
                      <ContentProtection schemeIdUri="%s" value="ClearKey1.0"/>
                      <Representation id="0" bandwidth="%d" codecs="%s"%s>
                        <BaseURL>%s</BaseURL>
                        <SegmentBase indexRange="%d-%d" timescale="%d">
                          <Initialization range="0-%d"/>
                        </SegmentBase>
                      </Representation>
                    </AdaptationSet>
                  </Period>
                </MPD>
                """.formatted(duration, video ? "video" : "audio", video ? "video" : "audio", first.encryption.scheme().fourcc(), kid,
                CLEARKEY_SYSTEM, bandwidth, codecs, size, xmlEscape(name), info.indexStart(), info.indexEnd(), first.track.timescale,
                info.initEnd() - 1);
        Path tmp = Files.createTempFile(mpd.getParent(), "." + mpd.getFileName(), ".part");
        try {
            Files.writeString(tmp, xml, StandardCharsets.UTF_8);
            Files.move(tmp, mpd, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return mpd;
    }

    /** RFC 6381 codec string from a (clear) sample entry. */
    static String codec(Box entry) {
        String type = entry.type();
        if ((type.equals("avc1") || type.equals("avc3")) && entry.child("avcC").isPresent()) {
            byte[] c = entry.child("avcC").get().payload();
            return type + "." + HexFormat.of().formatHex(c, 1, 4);
        }
        if (type.equals("mp4a")) {
            return "mp4a.40." + audioObjectType(entry.child("esds").map(Box::payload).orElse(new byte[0]));
        }
        return type;
    }

    /** The AAC audio object type from an esds: ES_Descriptor (3) > DecoderConfigDescriptor (4) > DecoderSpecificInfo (5). */
    static int audioObjectType(byte[] esds) {
        int[] pos = {4};
        try {
            if (descriptor(esds, pos) != 0x03) {
                return 2;
            }
            int flags = esds[pos[0] + 2] & 0xff;
            pos[0] += 3 + ((flags & 0x80) != 0 ? 2 : 0) + ((flags & 0x20) != 0 ? 1 + (esds[pos[0] + 3] & 0xff) : 0)
                    + ((flags & 0x40) != 0 ? 2 : 0);
            if (descriptor(esds, pos) != 0x04) {
                return 2;
            }
            pos[0] += 13;
            if (descriptor(esds, pos) != 0x05) {
                return 2;
            }
            return (esds[pos[0]] & 0xff) >> 3;
        } catch (ArrayIndexOutOfBoundsException e) {
            return 2;
        }
    }

    /** Reads a descriptor tag and its variable-length size; leaves pos at its body. */
    private static int descriptor(byte[] b, int[] pos) {
        int tag = b[pos[0]++] & 0xff;
        for (int i = 0; i < 4 && (b[pos[0]++] & 0x80) != 0; i++) {
            // size bytes: we only need to skip them
        }
        return tag;
    }

    static String uuid(byte[] kid) {
        String h = HexFormat.of().formatHex(kid);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
