package org.reeltrace.drm.cenc;

import org.reeltrace.drm.mp4.Box;
import org.reeltrace.drm.mp4.BoxFormatException;
import org.reeltrace.drm.mp4.Mp4File;
import org.reeltrace.drm.mp4.TopLevelBox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an encrypted fragmented MP4 from a progressive one, laid out as Shaka Packager's on-demand
 * single file: ftyp, moov (mvex, empty sample tables, encv/enca, pssh), one sidx indexing every
 * fragment, then moof + mdat pairs. Fragments start at video sync samples about every
 * {@link WrapOptions#fragmentSeconds()}; each traf carries tfdt, trun, senc, saiz and saio
 * (offsets relative to the moof, default-base-is-moof). Clear-lead fragments carry no senc/saiz/saio;
 * their tfhd names an unprotected copy of the sample entry, as Shaka Packager 3.4 writes a clear lead
 * (its parser decrypts by sample entry and ignores sample groups: ShakaPackagerIT), and their samples
 * are also in an unprotected 'seig' group, the standard's own signal (Chromium plays both; a variant
 * with all-clear senc maps, which FFmpeg 5.1 would need, fails in Chromium).
 */
final class Fragmenter {
    private final FileChannel in;
    private final Mp4File file;
    private final Box moov;
    private final List<TrackPlan> plans;
    private final WrapOptions options;
    private final List<Track> tracks = new ArrayList<>();
    /** Fragment k of track t covers samples [bounds[t][k], bounds[t][k+1]). */
    private final List<int[]> bounds = new ArrayList<>();
    private int fragments;
    /**
     * Fragments [0, clearFragments) are the clear lead, signalled twice: their tfhd names an unprotected
     * copy of the sample entry (Shaka Packager's layout; its parser, and so its decryption, reads nothing
     * else) and their samples are in an unprotected 'seig' group (ISO/IEC 23001-7's own signal); no
     * senc/saiz/saio.
     */
    private int clearFragments;
    private long samples;
    private long initEnd;
    private long sidxStart;
    private long sidxEnd;
    private long totalDuration;

    /** One planned track with its tables. */
    private record Track(TrackPlan plan, SampleTable table, SampleTiming timing, SampleEncryption[] aux) {
    }

    /** What the manifest needs to know. */
    record ManifestInfo(long initEnd, long indexStart, long indexEnd, double durationSeconds, long bytes, List<TrackPlan> plans) {
    }

    Fragmenter(FileChannel in, Mp4File file, Box moov, List<TrackInfo> all, List<TrackPlan> plans, WrapOptions options)
            throws IOException, CencFormatException {
        this.in = in;
        this.file = file;
        this.moov = moov;
        this.plans = plans;
        this.options = options;
        for (TrackPlan p : plans) {
            String path = p.track.path + "/mdia/minf/stbl";
            SampleTable table = SampleTable.of(p.track.stbl(), path, in.size());
            SampleTiming timing = SampleTiming.of(p.track.stbl(), table.sizes.length, path);
            tracks.add(new Track(p, table, timing, new SampleEncryption[table.sizes.length]));
        }
        split();
    }

    /**
     * Reads the NAL units of fragment {@code k}'s samples for their subsample maps. Done fragment by
     * fragment while the lanes encrypt the previous one, and dropped once the fragment is written.
     */
    private void analyse(int k) throws IOException, CencFormatException {
        if (k < clearFragments) {
            return;
        }
        for (int t = 0; t < tracks.size(); t++) {
            Track tr = tracks.get(t);
            String path = tr.plan.track.path + "/mdia/minf/stbl";
            int[] b = bounds.get(t);
            for (int s = b[k]; s < b[k + 1]; s++) {
                tr.aux[s] = tr.plan.sample(in, tr.table.offsets[s], tr.table.sizes[s], s, path);
            }
        }
    }

    private void forget(int k) {
        for (int t = 0; t < tracks.size(); t++) {
            int[] b = bounds.get(t);
            java.util.Arrays.fill(tracks.get(t).aux, b[k], b[k + 1], null);
        }
    }

    long samples() {
        return samples;
    }

    ManifestInfo manifestInfo() {
        Track lead = tracks.get(0);
        double seconds = (double) totalDuration / lead.plan.track.timescale;
        return new ManifestInfo(initEnd, sidxStart, sidxEnd, seconds, 0, plans);
    }

    /** Fragment start times in seconds: video sync samples at least fragmentSeconds apart. */
    private void split() {
        Track lead = tracks.stream().filter(t -> t.plan.track.handler.equals("vide")).findFirst().orElse(tracks.get(0));
        List<Double> starts = new ArrayList<>();
        double scale = lead.plan.track.timescale;
        double last = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < lead.table.sizes.length; s++) {
            double t = lead.timing.decodeTimes[s] / scale;
            if (s == 0 || lead.timing.sync[s] && t - last >= options.fragmentSeconds() - 1e-9) {
                starts.add(t);
                last = t;
            }
        }
        fragments = starts.size();
        while (clearFragments < fragments && starts.get(clearFragments) < options.clearLeadSeconds() - 1e-9) {
            clearFragments++;
        }
        totalDuration = lead.timing.decodeTimes[lead.table.sizes.length];
        for (Track t : tracks) {
            int[] b = new int[fragments + 1];
            b[fragments] = t.table.sizes.length;
            for (int k = 1; k < fragments; k++) {
                b[k] = indexAt(t, starts.get(k));
            }
            bounds.add(b);
        }
    }

    private static int indexAt(Track t, double seconds) {
        double scale = t.plan.track.timescale;
        for (int s = 0; s < t.table.sizes.length; s++) {
            if (t.timing.decodeTimes[s] / scale >= seconds - 1e-9) {
                return s;
            }
        }
        return t.table.sizes.length;
    }

    /**
     * Writes ftyp, the init moov, a sidx and the fragments. The sidx needs every fragment's size, so its
     * place is reserved (its size depends only on the fragment count) and it is written last; each
     * fragment is analysed just before it is written, so reading NAL headers overlaps the encryption.
     */
    void write(MediaWriter w) throws IOException, BoxFormatException, CencFormatException {
        for (TopLevelBox b : file.boxes()) {
            if (b.type().equals("ftyp")) {
                w.copy(in, b.offset(), b.end(), List.of(), new int[] {0});
            }
        }
        w.write(initMoov().toBytes());
        initEnd = w.position();
        long[] fragmentSizes = new long[fragments];
        long[] durations = new long[fragments];
        Track lead = tracks.get(0);
        sidxStart = w.position();
        int sidxSize = sidxSize(fragments);
        w.reserve(sidxSize);
        sidxEnd = w.position() - 1;
        for (int k = 0; k < fragments; k++) {
            analyse(k);
            long fragmentStart = w.position();
            Box moof = moof(k);
            w.write(moof.toBytes());
            long body = mdatBody(k);
            ByteBuffer h = ByteBuffer.allocate(mdatHeader(body));
            if (h.capacity() == 16) {
                h.putInt(1).put("mdat".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putLong(body + 16);
            } else {
                h.putInt((int) (body + 8)).put("mdat".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            w.write(h.array());
            for (int t = 0; t < tracks.size(); t++) {
                Track tr = tracks.get(t);
                int[] b = bounds.get(t);
                for (int s = b[k]; s < b[k + 1]; s++) {
                    SampleJob job = new SampleJob(tr.table.offsets[s], tr.table.sizes[s], tr.plan.encryption, tr.aux[s], tr.plan.key);
                    boolean clear = k < clearFragments;
                    w.copy(in, job.offset(), job.offset() + job.size(), clear ? List.of() : List.of(job), new int[] {0});
                    samples += clear ? 0 : 1;
                }
            }
            forget(k);
            fragmentSizes[k] = w.position() - fragmentStart;
            int[] b = bounds.get(0);
            durations[k] = lead.timing.decodeTimes[b[k + 1]] - lead.timing.decodeTimes[b[k]];
        }
        byte[] sidx = sidx(lead, fragmentSizes, durations).toBytes();
        if (sidx.length != sidxSize) {
            throw new IllegalStateException("sidx is " + sidx.length + " bytes, " + sidxSize + " were reserved");
        }
        w.writeAt(sidxStart, sidx);
    }

    private static int mdatHeader(long body) {
        return body + 8 > 0xFFFFFFFFL ? 16 : 8;
    }

    private long mdatBody(int k) {
        long sum = 0;
        for (int t = 0; t < tracks.size(); t++) {
            int[] b = bounds.get(t);
            for (int s = b[k]; s < b[k + 1]; s++) {
                sum += tracks.get(t).table.sizes[s];
            }
        }
        return sum;
    }

    /** tfhd flag: sample_description_index present. */
    private static final int SAMPLE_DESCRIPTION_INDEX = 0x2;

    /** 1-based index of a track's unprotected sample entry in the init segment: after the input's entries. */
    private static int clearEntryIndex(TrackPlan p) {
        return p.track.trak.find("mdia/minf/stbl/stsd").orElseThrow().children().size() + 1;
    }

    private Box initMoov() throws BoxFormatException {
        Box out = moov.deepCopy();
        List<Box> keep = new ArrayList<>();
        List<Box> originalTraks = moov.all("trak");
        List<Box> copies = out.all("trak");
        for (int i = 0; i < copies.size(); i++) {
            Box trak = copies.get(i);
            Box original = originalTraks.get(i);
            TrackPlan p = plans.stream().filter(x -> x.track.trak == original).findFirst().orElse(null);
            if (p == null) {
                continue;
            }
            Box stbl = trak.find("mdia/minf/stbl").orElseThrow();
            Box stsd = stbl.child("stsd").orElseThrow();
            // the lead's fragments name an unprotected copy of the sample entry (clearEntryIndex)
            Box clearEntry = clearFragments > 0 ? stsd.children().get(0).deepCopy() : null;
            p.protectSampleEntry(trak);
            if (clearEntry != null) {
                stsd.mutableChildren().add(clearEntry);
                EncryptionBoxes.recountEntries(stsd);
            }
            stbl.mutableChildren().clear();
            stbl.mutableChildren().add(stsd);
            stbl.mutableChildren().add(Box.leaf("stts", new byte[8]));
            stbl.mutableChildren().add(Box.leaf("stsc", new byte[8]));
            stbl.mutableChildren().add(Box.leaf("stsz", new byte[12]));
            stbl.mutableChildren().add(Box.leaf("stco", new byte[8]));
            keep.add(trak);
        }
        out.mutableChildren().removeIf(b -> b.type().equals("trak") && !keep.contains(b) || b.type().equals("mvex")
                || b.type().equals("udta") || b.type().equals("iods"));
        List<Box> trex = new ArrayList<>();
        for (TrackPlan p : plans) {
            trex.add(Box.leaf("trex", ByteBuffer.allocate(24).putInt(0).putInt(p.track.trackId).putInt(1).putInt(0).putInt(0).putInt(0).array()));
        }
        out.mutableChildren().add(Box.container("mvex", new byte[0], trex));
        out.mutableChildren().add(Pssh.common(plans.stream().map(p -> p.encryption.kid())
                .collect(java.util.stream.Collectors.toMap(Arrays::toString, k -> k, (a, b) -> a, LinkedHashMap::new)).values()));
        return out;
    }

    private Box moof(int fragment) {
        final int k = fragment;
        List<Box> children = new ArrayList<>();
        children.add(Box.leaf("mfhd", ByteBuffer.allocate(8).putInt(0).putInt(k + 1).array()));
        List<Box> trafs = new ArrayList<>();
        List<Box> truns = new ArrayList<>();
        for (int t = 0; t < tracks.size(); t++) {
            Track tr = tracks.get(t);
            int[] b = bounds.get(t);
            int n = b[k + 1] - b[k];
            List<Box> parts = new ArrayList<>();
            if (k < clearFragments) {
                parts.add(Box.leaf("tfhd", ByteBuffer.allocate(12).putInt(TrackFragment.DEFAULT_BASE_IS_MOOF | SAMPLE_DESCRIPTION_INDEX)
                        .putInt(tr.plan.track.trackId).putInt(clearEntryIndex(tr.plan)).array()));
            } else {
                parts.add(Box.leaf("tfhd", ByteBuffer.allocate(8).putInt(TrackFragment.DEFAULT_BASE_IS_MOOF).putInt(tr.plan.track.trackId).array()));
            }
            parts.add(Box.leaf("tfdt", ByteBuffer.allocate(12).putInt(0x01000000).putLong(tr.timing.decodeTimes[b[k]]).array()));
            boolean cts = tr.timing.hasCompositionOffsets;
            int flags = 0x1 | 0x100 | 0x200 | 0x400 | (cts ? 0x800 : 0);
            ByteBuffer r = ByteBuffer.allocate(12 + n * (cts ? 16 : 12));
            r.putInt((cts ? 0x01000000 : 0) | flags).putInt(n).putInt(0);
            for (int s = b[k]; s < b[k + 1]; s++) {
                r.putInt(tr.timing.durations[s]).putInt(tr.table.sizes[s]);
                r.putInt(tr.timing.sync[s] ? 0x02000000 : 0x01010000);
                if (cts) {
                    r.putInt(tr.timing.compositionOffsets[s]);
                }
            }
            Box trun = Box.leaf("trun", r.array());
            parts.add(trun);
            truns.add(trun);
            if (k < clearFragments && n > 0) {
                parts.add(ClearLead.sbgp(n, n, ClearLead.FRAGMENT_LOCAL));
                parts.add(ClearLead.sgpd(0));
            } else if (tr.plan.needsAuxInfo() && n > 0) {
                List<SampleEncryption> aux = java.util.Arrays.asList(tr.aux).subList(b[k], b[k + 1]);
                parts.add(Box.leaf("senc", SencBox.write(aux, tr.plan.subsamples())));
                parts.add(TrackPlan.saiz(aux));
                parts.add(Box.leaf("saio", ByteBuffer.allocate(12).putInt(0).putInt(1).putInt(0).array()));
            }
            Box traf = Box.container("traf", new byte[0], parts);
            trafs.add(traf);
        }
        children.addAll(trafs);
        Box moof = Box.container("moof", new byte[0], children);
        long dataStart = moof.size() + mdatHeader(mdatBody(k));
        for (int t = 0; t < tracks.size(); t++) {
            ByteBuffer.wrap(truns.get(t).payload()).putInt(8, (int) dataStart);
            int[] b = bounds.get(t);
            for (int s = b[k]; s < b[k + 1]; s++) {
                dataStart += tracks.get(t).table.sizes[s];
            }
            Box traf = trafs.get(t);
            java.util.Optional<Box> senc = traf.child("senc");
            if (senc.isPresent()) {
                long at = moof.offsetOf(senc.get()) + 8 + 8;
                ByteBuffer.wrap(traf.child("saio").orElseThrow().payload()).putInt(8, (int) at);
            }
        }
        return moof;
    }

    /** Size of the sidx box: 8-byte header, 32-byte version 1 fields, 12 bytes per fragment. */
    private static int sidxSize(int fragments) {
        return 8 + 32 + 12 * fragments;
    }

    private static Box sidx(Track lead, long[] sizes, long[] durations) {
        ByteBuffer b = ByteBuffer.allocate(32 + 12 * sizes.length);
        b.putInt(0x01000000).putInt(lead.plan.track.trackId).putInt((int) lead.plan.track.timescale);
        long ept = lead.timing.hasCompositionOffsets && lead.timing.compositionOffsets.length > 0 ? lead.timing.compositionOffsets[0] : 0;
        b.putLong(Math.max(0, ept)).putLong(0).putShort((short) 0).putShort((short) sizes.length);
        for (int k = 0; k < sizes.length; k++) {
            b.putInt((int) sizes[k]).putInt((int) durations[k]).putInt(0x90000000);
        }
        return Box.leaf("sidx", b.array());
    }
}
