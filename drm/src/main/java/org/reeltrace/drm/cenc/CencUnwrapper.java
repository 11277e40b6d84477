package org.reeltrace.drm.cenc;

import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.DrmException.Kind;
import org.reeltrace.drm.io.AtomicOutput;
import org.reeltrace.drm.mp4.Box;
import org.reeltrace.drm.mp4.BoxFormatException;
import org.reeltrace.drm.mp4.Mp4File;
import org.reeltrace.drm.mp4.TopLevelBox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decrypts a Common Encryption MP4 (cenc, cens, cbc1, cbcs; progressive, fragmented, or a media
 * segment with its init segment) into a clear MP4: samples decrypted in place, sample entries
 * restored from frma, and pssh, sinf, senc, saiz, saio, seig groups, sidx and top-level free
 * removed, with chunk and data offsets moved to match.
 */
public final class CencUnwrapper {
    private static final Set<String> DROPPED_TOP = Set.of("pssh", "sidx", "free", "skip");

    /** What was decrypted. */
    public record UnwrapResult(Path output, List<String> schemes, List<String> kids, long samplesDecrypted) {
    }

    private final FileChannel in;
    private final Mp4File file;
    private final CencKeys keys;
    private final Box moov;
    private final boolean moovInFile;
    private final List<TrackInfo> tracks;
    private final Map<Integer, int[]> trex = new HashMap<>();
    /**
     * Fragmented input only, per track ID: the sample entry each 1-based entry index becomes once
     * entries that differ only by their protection are merged (a clear lead's unprotected copy of the
     * entry, as Shaka Packager and our wrap write it), so the clear file is what went in.
     */
    private final Map<Integer, int[]> entryRemap = new HashMap<>();
    private long samples;

    private CencUnwrapper(FileChannel in, Mp4File file, CencKeys keys, Box moov, boolean moovInFile) throws CencFormatException {
        this.in = in;
        this.file = file;
        this.keys = keys;
        this.moov = moov;
        this.moovInFile = moovInFile;
        this.tracks = TrackInfo.of(moov);
        moov.find("mvex").ifPresent(mvex -> mvex.all("trex").forEach(t -> {
            ByteBuffer b = t.data();
            if (b.remaining() >= 24) {
                trex.put(b.getInt(4), new int[] {b.getInt(8), b.getInt(16)});
            }
        }));
        if (moov.child("mvex").isPresent()) {
            for (TrackInfo t : tracks) {
                Box copy = t.trak.deepCopy();
                EncryptionBoxes.unprotectSampleEntries(copy);
                int[] remap = EncryptionBoxes.sameEntries(copy);
                if (remap != null) {
                    entryRemap.put(t.trackId, remap);
                }
            }
        }
    }

    /** Decrypts {@code input} into {@code output}; a media segment needs {@code init} for its moov. */
    public static UnwrapResult unwrap(Path input, Path output, CencKeys keys, Optional<Path> init) throws DrmException {
        return unwrap(input, output, keys, init, PatternTail.ENCRYPTED);
    }

    /** As {@link #unwrap(Path, Path, CencKeys, Optional)}, with the pattern-tail convention of the packager. */
    public static UnwrapResult unwrap(Path input, Path output, CencKeys keys, Optional<Path> init, PatternTail tail)
            throws DrmException {
        String where = "\"" + input + "\"";
        try (FileChannel ch = FileChannel.open(input, StandardOpenOption.READ)) {
            Mp4File file = Mp4File.scan(ch);
            Optional<TopLevelBox> moovBox = file.boxes().stream().filter(b -> b.type().equals("moov")).findFirst();
            Box moov;
            if (moovBox.isPresent()) {
                moov = file.load(moovBox.get(), Mp4File.MAX_MOOV);
            } else if (init.isPresent()) {
                moov = loadMoov(init.get());
            } else {
                throw new DrmException(Kind.INVALID_INPUT, where + " has no moov box", "a media segment needs its init segment: pass --init INIT.mp4", null);
            }
            CencUnwrapper u = new CencUnwrapper(ch, file, keys, moov, moovBox.isPresent());
            u.requireKeys(where);
            CipherWarmUp.startFor(ch.size(), false, u.schemes().stream().flatMap(f -> Scheme.of(f).stream()).toList());
            try (AtomicOutput target = new AtomicOutput(output)) {
                try (MediaWriter w = new MediaWriter(target.temp(), false, tail)) {
                    u.write(w);
                }
                target.commit();
            }
            return new UnwrapResult(output, u.schemes(), u.kids(), u.samples);
        } catch (BoxFormatException | CencFormatException e) {
            throw new DrmException(Kind.INVALID_INPUT, "malformed MP4 " + where + ": " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new DrmException(Kind.INVALID_INPUT, "no such file \"" + e.getFile() + "\"", e);
        } catch (IOException e) {
            throw new DrmException(Kind.ENVIRONMENT, "cannot decrypt " + where + ": " + e.getMessage(), e);
        }
    }

    static Box loadMoov(Path init) throws IOException, BoxFormatException, DrmException {
        try (FileChannel ch = FileChannel.open(init, StandardOpenOption.READ)) {
            Mp4File f = Mp4File.scan(ch);
            TopLevelBox box = f.boxes().stream().filter(b -> b.type().equals("moov")).findFirst()
                    .orElseThrow(() -> new DrmException(Kind.INVALID_INPUT, "init segment \"" + init + "\" has no moov box"));
            return f.load(box, Mp4File.MAX_MOOV);
        }
    }

    private List<String> schemes() {
        Set<String> s = new LinkedHashSet<>();
        tracks.forEach(t -> t.protections.forEach(p -> p.ifPresent(te -> s.add(te.scheme().fourcc()))));
        return List.copyOf(s);
    }

    private List<String> kids() {
        Set<String> s = new LinkedHashSet<>();
        tracks.forEach(t -> t.protections.forEach(p -> p.ifPresent(te -> s.add(te.kidHex()))));
        return List.copyOf(s);
    }

    private void requireKeys(String where) throws DrmException {
        for (TrackInfo t : tracks) {
            for (Optional<TrackEncryption> p : t.protections) {
                if (p.isPresent() && p.get().isProtected() && keys.keyFor(p.get().kid()).isEmpty()) {
                    throw missingKey(where, p.get().kid(), t.trackId);
                }
            }
        }
    }

    private static DrmException missingKey(String where, byte[] kid, int trackId) {
        return new DrmException(Kind.VERIFICATION_FAILED, "no key for KID " + HexFormat.of().formatHex(kid) + " (track " + trackId
                + ") of " + where, "add a line KID:KEY for it to the keys file or REELTRACE_KEYS", null);
    }

    private void write(MediaWriter w) throws IOException, BoxFormatException, CencFormatException, DrmException {
        List<TopLevelBox> boxes = file.boxes();
        long[] newStart = layout(boxes);
        java.util.function.LongUnaryOperator map = p -> {
            int i = Mp4File.indexOf(boxes, p);
            return newStart[i] + (p - boxes.get(i).offset());
        };
        List<SampleJob> jobs = progressiveJobs();
        int[] cursor = {0};
        for (int i = 0; i < boxes.size(); i++) {
            TopLevelBox b = boxes.get(i);
            if (DROPPED_TOP.contains(b.type())) {
                continue;
            }
            switch (b.type()) {
                case "moov" -> w.write(clearMoov(map).toBytes());
                case "mfra" -> w.write(MovieFragmentIndex.relocate(file.load(b, Mp4File.MAX_MOOF), map, "mfra"));
                case "moof" -> {
                    Box moof = file.load(b, Mp4File.MAX_MOOF);
                    List<SampleJob> fragmentJobs = fragmentJobs(moof, b);
                    fragmentJobs.sort(Comparator.comparingLong(SampleJob::offset));
                    jobs = merge(jobs, cursor[0], fragmentJobs);
                    cursor[0] = 0;
                    stripMoof(moof);
                    for (TrackFragment f : TrackFragment.of(moof, "moof", b.offset(), trex)) {
                        f.relocate(map, b.offset(), newStart[i]);
                    }
                    w.write(moof.toBytes());
                }
                default -> w.copy(in, b.offset(), b.end(), jobs, cursor);
            }
        }
        if (cursor[0] < jobs.size()) {
            SampleJob j = jobs.get(cursor[0]);
            throw new CencFormatException("file", "sample at byte " + j.offset() + " lies outside every media box");
        }
    }

    private static List<SampleJob> merge(List<SampleJob> pending, int from, List<SampleJob> more) {
        List<SampleJob> out = new ArrayList<>(pending.subList(from, pending.size()));
        out.addAll(more);
        out.sort(Comparator.comparingLong(SampleJob::offset));
        return out;
    }

    /** New start of every top-level box once moov and moofs shrink and dropped boxes vanish. */
    private long[] layout(List<TopLevelBox> boxes) throws IOException, BoxFormatException, CencFormatException {
        long[] start = new long[boxes.size() + 1];
        long pos = 0;
        for (int i = 0; i < boxes.size(); i++) {
            start[i] = pos;
            TopLevelBox b = boxes.get(i);
            if (DROPPED_TOP.contains(b.type())) {
                continue;
            }
            pos += switch (b.type()) {
                case "moov" -> clearMoov(p -> p).size();
                case "moof" -> {
                    Box moof = file.load(b, Mp4File.MAX_MOOF);
                    stripMoof(moof);
                    yield moof.size();
                }
                default -> b.size();
            };
        }
        start[boxes.size()] = pos;
        return start;
    }

    private Box clearMoov(java.util.function.LongUnaryOperator map) throws BoxFormatException, CencFormatException {
        Box copy = moov.deepCopy();
        copy.removeChildren("pssh");
        List<Box> traks = copy.all("trak");
        for (int i = 0; i < traks.size(); i++) {
            Box trak = traks.get(i);
            EncryptionBoxes.unprotectSampleEntries(trak);
            int[] remap = entryRemap.get(tracks.get(i).trackId); // TrackInfo.of gives one per trak, in order
            if (remap != null) {
                EncryptionBoxes.mergeEntries(trak, remap);
            }
            Optional<Box> stbl = trak.find("mdia/minf/stbl");
            if (stbl.isPresent()) {
                EncryptionBoxes.strip(stbl.get());
                if (moovInFile && (stbl.get().child("stco").isPresent() || stbl.get().child("co64").isPresent())) {
                    long[] offsets = SampleTable.chunkOffsets(stbl.get(), "moov/trak/mdia/minf/stbl");
                    for (int k = 0; k < offsets.length; k++) {
                        offsets[k] = offsets[k] == 0 ? 0 : map.applyAsLong(offsets[k]);
                    }
                    SampleTable.writeChunkOffsets(stbl.get(), offsets);
                }
            }
        }
        return copy;
    }

    private void stripMoof(Box moof) {
        moof.removeChildren("pssh");
        moof.all("traf").forEach(EncryptionBoxes::strip);
        if (!entryRemap.isEmpty()) {
            for (Box traf : moof.all("traf")) {
                traf.child("tfhd").ifPresent(this::remapDescriptionIndex);
            }
        }
    }

    /** Points a tfhd at the merged sample entry; drops the field where trex's default then says the same. */
    private void remapDescriptionIndex(Box tfhd) {
        byte[] p = tfhd.payload();
        if (p.length < 8) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(p);
        int flags = b.getInt(0);
        int trackId = b.getInt(4);
        int at = 8 + ((flags & TrackFragment.BASE_DATA_OFFSET) != 0 ? 8 : 0);
        int[] remap = entryRemap.get(trackId);
        if (remap == null || (flags & TrackFragment.DESCRIPTION_INDEX) == 0 || p.length < at + 4) {
            return;
        }
        int index = b.getInt(at);
        int merged = index >= 1 && index < remap.length ? remap[index] : index;
        int[] defaults = trex.get(trackId);
        if (defaults != null && merged == defaults[0]) {
            byte[] shorter = new byte[p.length - 4];
            System.arraycopy(p, 0, shorter, 0, at);
            System.arraycopy(p, at + 4, shorter, at, p.length - at - 4);
            ByteBuffer.wrap(shorter).putInt(0, flags & ~TrackFragment.DESCRIPTION_INDEX);
            tfhd.setPayload(shorter);
        } else {
            b.putInt(at, merged);
        }
    }

    private TrackInfo track(int trackId, String path) throws CencFormatException {
        return tracks.stream().filter(t -> t.trackId == trackId).findFirst()
                .orElseThrow(() -> new CencFormatException(path, "refers to track " + trackId + ", which moov does not have"));
    }

    private byte[] key(TrackEncryption te, int trackId) throws DrmException {
        return keys.keyFor(te.kid()).orElseThrow(() -> missingKey("the input", te.kid(), trackId));
    }

    private List<SampleJob> progressiveJobs() throws IOException, CencFormatException, DrmException {
        List<SampleJob> jobs = new ArrayList<>();
        if (!moovInFile) {
            return jobs;
        }
        for (TrackInfo t : tracks) {
            if (!t.anyProtected()) {
                continue;
            }
            Box stbl = t.stbl();
            String path = t.path + "/mdia/minf/stbl";
            SampleTable table = SampleTable.of(stbl, path, in.size());
            if (table.sizes.length == 0) {
                continue;
            }
            TrackEncryption first = t.protections.stream().flatMap(Optional::stream).findFirst().orElseThrow();
            List<SampleEncryption> aux = auxInfo(t, stbl, path, first, table);
            List<Optional<TrackEncryption>> groups = SampleGroups.seig(stbl, first.scheme(), table.sizes.length, path);
            for (int s = 0; s < table.sizes.length; s++) {
                Optional<TrackEncryption> te = t.protection(table.descriptions[s]);
                if (s < groups.size() && groups.get(s).isPresent() && te.isPresent()) {
                    te = groups.get(s);
                }
                if (te.isEmpty() || !te.get().isProtected()) {
                    continue;
                }
                jobs.add(new SampleJob(table.offsets[s], table.sizes[s], te.get(), aux.get(s), key(te.get(), t.trackId)));
                samples++;
            }
        }
        jobs.sort(Comparator.comparingLong(SampleJob::offset));
        return jobs;
    }

    private List<SampleEncryption> auxInfo(TrackInfo t, Box stbl, String path, TrackEncryption te, SampleTable table)
            throws IOException, CencFormatException {
        Optional<Box> senc = EncryptionBoxes.senc(stbl).or(() -> EncryptionBoxes.senc(t.trak));
        if (senc.isPresent()) {
            return SencBox.parse(senc.get().payload(), EncryptionBoxes.sencOffset(senc.get()), te.perSampleIvSize(),
                    table.sizes.length, path + "/senc");
        }
        Optional<Box> saiz = stbl.child("saiz");
        Optional<Box> saio = stbl.child("saio");
        if (saiz.isEmpty() || saio.isEmpty()) {
            if (te.perSampleIvSize() == 0) {
                return java.util.Collections.nCopies(table.sizes.length, new SampleEncryption(new byte[0], null, null));
            }
            throw new CencFormatException(path, "protected track has neither senc nor saiz/saio");
        }
        return AuxInfoReader.read(in, saiz.get(), saio.get(), 0, te.perSampleIvSize(), table.sizes.length, table.chunks, path);
    }

    private List<SampleJob> fragmentJobs(Box moof, TopLevelBox at) throws IOException, CencFormatException, DrmException {
        List<SampleJob> jobs = new ArrayList<>();
        String moofPath = "moof at byte " + at.offset();
        for (TrackFragment f : TrackFragment.of(moof, moofPath, at.offset(), trex)) {
            TrackInfo t = track(f.trackId, f.path);
            Optional<TrackEncryption> te = t.protection(f.descriptionIndex);
            if (te.isEmpty() || f.sizes.isEmpty()) {
                continue;
            }
            int n = f.sizes.size();
            List<Optional<TrackEncryption>> groups = SampleGroups.seig(f.traf, te.get().scheme(), n, f.path, t.stbl());
            List<SampleEncryption> aux = fragmentAux(f, te.get(), n);
            for (int s = 0; s < n; s++) {
                TrackEncryption sampleTe = s < groups.size() && groups.get(s).isPresent() ? groups.get(s).get() : te.get();
                if (!sampleTe.isProtected()) {
                    continue;
                }
                if (aux == null) {
                    throw new CencFormatException(f.path, "protected samples without senc or saiz/saio");
                }
                if (f.positions.get(s) < at.end() && f.sizes.get(s) > 0) {
                    throw new CencFormatException(f.path + "/trun", "sample data offset points into the moof");
                }
                jobs.add(new SampleJob(f.positions.get(s), f.sizes.get(s), sampleTe, aux.get(s), key(sampleTe, t.trackId)));
                samples++;
            }
        }
        return jobs;
    }

    private List<SampleEncryption> fragmentAux(TrackFragment f, TrackEncryption te, int n) throws IOException, CencFormatException {
        Optional<Box> senc = EncryptionBoxes.senc(f.traf);
        if (senc.isPresent()) {
            return SencBox.parse(senc.get().payload(), EncryptionBoxes.sencOffset(senc.get()), te.perSampleIvSize(), n, f.path + "/senc");
        }
        Optional<Box> saiz = f.traf.child("saiz");
        Optional<Box> saio = f.traf.child("saio");
        if (saiz.isPresent() && saio.isPresent()) {
            return AuxInfoReader.read(in, saiz.get(), saio.get(), f.base, te.perSampleIvSize(), n, new int[n], f.path);
        }
        if (te.perSampleIvSize() == 0) {
            return java.util.Collections.nCopies(n, new SampleEncryption(new byte[0], null, null));
        }
        return null;
    }
}
