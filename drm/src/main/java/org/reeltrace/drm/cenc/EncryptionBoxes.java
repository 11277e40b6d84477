package org.reeltrace.drm.cenc;

import org.reeltrace.drm.mp4.Box;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Finding and removing the boxes that carry encryption metadata. */
final class EncryptionBoxes {
    /** PIFF's sample encryption box user type. */
    static final byte[] PIFF_SENC = HexFormat.of().parseHex("a2394f525a9b4f14a2446c427c648df4");

    private EncryptionBoxes() {
    }

    static boolean isPiffSenc(Box b) {
        byte[] p = b.payload();
        return b.type().equals("uuid") && p != null && p.length >= 16
                && java.util.Arrays.equals(p, 0, 16, PIFF_SENC, 0, 16);
    }

    /** The senc (or PIFF uuid) box directly in {@code parent}, and the payload offset of its full-box header. */
    static Optional<Box> senc(Box parent) {
        return parent.children().stream().filter(b -> b.type().equals("senc") || isPiffSenc(b)).findFirst();
    }

    static int sencOffset(Box senc) {
        return senc.type().equals("uuid") ? 16 : 0;
    }

    /** Removes senc, PIFF senc, saiz, saio and 'seig' sample groups from a traf or stbl. */
    static void strip(Box parent) {
        parent.mutableChildren().removeIf(b -> b.type().equals("senc") || isPiffSenc(b) || b.type().equals("saiz")
                || b.type().equals("saio") || (b.type().equals("sbgp") || b.type().equals("sgpd")) && grouping(b).equals("seig"));
    }

    /** Restores every protected sample entry of a trak to its original format. */
    static void unprotectSampleEntries(Box trak) {
        trak.find("mdia/minf/stbl/stsd").ifPresent(stsd -> {
            for (Box entry : stsd.children()) {
                entry.child("sinf").ifPresent(sinf -> {
                    sinf.child("frma").ifPresent(f -> entry.rename(new String(f.payload(), 0, 4, StandardCharsets.ISO_8859_1)));
                    entry.removeChildren("sinf");
                });
            }
        });
    }

    static String grouping(Box b) {
        byte[] p = b.payload();
        return p != null && p.length >= 8 ? new String(p, 4, 4, StandardCharsets.ISO_8859_1) : "";
    }
}
