package org.reeltrace.drm.cenc;

import org.reeltrace.drm.mp4.Box;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
                && Arrays.equals(p, 0, 16, PIFF_SENC, 0, 16);
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

    /**
     * For a trak whose entries are already unprotected: null when no sample entry repeats an earlier
     * one, else the 1-based index each entry index maps to (its first identical entry, renumbered
     * after the repeats are removed; index 0 unused).
     */
    static int[] sameEntries(Box trak) {
        Optional<Box> stsd = trak.find("mdia/minf/stbl/stsd");
        if (stsd.isEmpty()) {
            return null;
        }
        List<Box> entries = stsd.get().children();
        int[] remap = new int[entries.size() + 1];
        List<byte[]> kept = new ArrayList<>();
        boolean merged = false;
        for (int i = 0; i < entries.size(); i++) {
            byte[] bytes = entries.get(i).toBytes();
            int same = -1;
            for (int k = 0; k < kept.size() && same < 0; k++) {
                if (Arrays.equals(kept.get(k), bytes)) {
                    same = k;
                }
            }
            if (same < 0) {
                kept.add(bytes);
                remap[i + 1] = kept.size();
            } else {
                remap[i + 1] = same + 1;
                merged = true;
            }
        }
        return merged ? remap : null;
    }

    /** Removes the repeated sample entries {@link #sameEntries} found and fixes stsd's entry count. */
    static void mergeEntries(Box trak, int[] remap) {
        Box stsd = trak.find("mdia/minf/stbl/stsd").orElseThrow();
        List<Box> kept = new ArrayList<>();
        for (int i = 1; i <= stsd.children().size(); i++) {
            if (remap[i] > kept.size()) { // kept entries are numbered in order; a repeat maps back
                kept.add(stsd.children().get(i - 1));
            }
        }
        stsd.mutableChildren().clear();
        stsd.mutableChildren().addAll(kept);
        recountEntries(stsd);
    }

    /** Writes an stsd's entry count after its entries changed. */
    static void recountEntries(Box stsd) {
        byte[] header = stsd.prefix().clone();
        ByteBuffer.wrap(header).putInt(4, stsd.children().size());
        stsd.setPrefix(header);
    }

    static String grouping(Box b) {
        byte[] p = b.payload();
        return p != null && p.length >= 8 ? new String(p, 4, 4, StandardCharsets.ISO_8859_1) : "";
    }
}
