package org.reeltrace.drm.cenc;

import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.DrmException.Kind;
import org.reeltrace.drm.io.AtomicOutput;
import org.reeltrace.drm.mp4.Box;
import org.reeltrace.drm.mp4.BoxFormatException;
import org.reeltrace.drm.mp4.Mp4File;
import org.reeltrace.drm.mp4.TopLevelBox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Encrypts a progressive MP4 with Common Encryption (cenc or cbcs): samples encrypted in place in
 * mdat, encv/enca sample entries with sinf/frma/schm/tenc, senc/saiz/saio in each stbl, a ClearKey
 * pssh in moov, and stco/co64 moved for the larger moov. With {@link WrapOptions#fragment()} it
 * writes fragmented MP4 instead ({@link Fragmenter}).
 */
public final class CencWrapper {
    private static final SecureRandom RANDOM = new SecureRandom();

    private CencWrapper() {
    }

    /** Progressive input is encrypted (or fragmented with --fragment); fragmented input keeps its own layout. */
    public static WrapResult wrap(Path input, Path output, CencKeys keys, WrapOptions options) throws DrmException {
        return wrap(input, output, keys, options, Optional.empty());
    }

    /**
     * As {@link #wrap(Path, Path, CencKeys, WrapOptions)}; a lone media segment (moof + mdat, no moov) is
     * encrypted with the moov of its clear {@code init} segment. Wrapping the init itself with the same keys
     * gives the matching encrypted init: the tenc defaults depend only on the scheme, the KID and the key
     * (the cbcs constant IV is derived from them), so segments wrapped one by one fit it.
     */
    public static WrapResult wrap(Path input, Path output, CencKeys keys, WrapOptions options, Optional<Path> init) throws DrmException {
        return wrap(input, output, keys, options, init, RANDOM);
    }

    /** As above, with the IVs drawn from {@code random} (tests pin it to compare outputs byte for byte). */
    static WrapResult wrap(Path input, Path output, CencKeys keys, WrapOptions options, Optional<Path> init, SecureRandom random)
            throws DrmException {
        String where = "\"" + input + "\"";
        try (FileChannel in = FileChannel.open(input, StandardOpenOption.READ)) {
            Mp4File file = Mp4File.scan(in);
            CipherWarmUp.startFor(in.size(), true, List.of(options.scheme()));
            Optional<TopLevelBox> moovBox = file.boxes().stream().filter(b -> b.type().equals("moov")).findFirst();
            boolean fragmentedInput = file.boxes().stream().anyMatch(b -> b.type().equals("moof"))
                    || moovBox.isPresent() && file.load(moovBox.get(), Mp4File.MAX_MOOV).child("mvex").isPresent();
            Box moov;
            if (moovBox.isPresent()) {
                if (init.isPresent()) {
                    throw new DrmException(Kind.USAGE, where + " has its own moov", "drop --init: it is only for a media segment", null);
                }
                moov = file.load(moovBox.get(), Mp4File.MAX_MOOV);
            } else if (init.isPresent() && fragmentedInput) {
                moov = CencUnwrapper.loadMoov(init.get());
                if (moov.child("mvex").isEmpty()) {
                    throw new DrmException(Kind.INVALID_INPUT, "\"" + init.get() + "\" is not an init segment (its moov has no mvex)");
                }
            } else {
                throw new DrmException(Kind.INVALID_INPUT, where + " has no moov box", fragmentedInput
                        ? "a media segment needs its clear init segment: pass --init INIT.mp4"
                        : "wrap needs an MP4 file, or a media segment with --init INIT.mp4", null);
            }
            if (fragmentedInput && options.fragment()) {
                throw new DrmException(Kind.USAGE, where + " is already fragmented",
                        "drop --fragment/--mpd: wrap encrypts fragmented input in its own layout", null);
            }
            if (fragmentedInput && options.clearLeadSeconds() > 0) {
                throw new DrmException(Kind.USAGE, "--clear-lead is not supported for " + where + ", which is already fragmented",
                        "wrap the progressive original, or drop --clear-lead", null);
            }
            List<TrackInfo> tracks = TrackInfo.of(moov);
            if (tracks.stream().anyMatch(TrackInfo::anyProtected)) {
                throw new DrmException(Kind.INVALID_INPUT, where + " is already encrypted", "unwrap it first with 'drm unwrap'", null);
            }
            List<TrackPlan> plans = new ArrayList<>();
            for (TrackInfo t : tracks) {
                if (!t.handler.equals("vide") && !t.handler.equals("soun")) {
                    continue;
                }
                CencKeys.ContentKey key = keys.forTrack(t.trackId, t.handler).orElseThrow(() -> new DrmException(Kind.USAGE,
                        "no key for track " + t.trackId + " (" + (t.handler.equals("vide") ? "video" : "audio") + ")",
                        "give a KID:KEY line without a track field, or one ending in :video / :audio", null));
                plans.add(TrackPlan.of(t, options.scheme(), key, random));
            }
            if (plans.isEmpty()) {
                throw new DrmException(Kind.INVALID_INPUT, where + " has no audio or video track to encrypt");
            }
            long samples;
            Optional<Path> manifest = Optional.empty();
            List<String> dropped = new ArrayList<>();
            try (AtomicOutput target = new AtomicOutput(output)) {
                if (fragmentedInput) {
                    FragmentedInputWrapper f = new FragmentedInputWrapper(in, file, moov, moovBox.isPresent(), plans);
                    try (MediaWriter w = new MediaWriter(target.temp(), true, PatternTail.ENCRYPTED)) {
                        f.write(w);
                    }
                    samples = f.samples();
                } else if (options.fragment()) {
                    Fragmenter f = new Fragmenter(in, file, moov, tracks, plans, options);
                    tracks.stream().filter(t -> plans.stream().noneMatch(p -> p.track == t))
                            .forEach(t -> dropped.add("track " + t.trackId + " (" + t.handler + ")"));
                    try (MediaWriter w = new MediaWriter(target.temp(), true, PatternTail.ENCRYPTED)) {
                        f.write(w);
                    }
                    samples = f.samples();
                    if (options.mpd()) {
                        manifest = Optional.of(DashManifest.write(output, f.manifestInfo(), java.nio.file.Files.size(target.temp())));
                    }
                } else {
                    try (MediaWriter w = new MediaWriter(target.temp(), true, PatternTail.ENCRYPTED)) {
                        samples = writeProgressive(in, file, moov, plans, w, options.clearLeadSeconds());
                    }
                }
                target.commit();
            }
            List<WrapResult.EncryptedTrack> encrypted = plans.stream()
                    .map(p -> new WrapResult.EncryptedTrack(p.track.trackId, p.track.handler, p.encryption.kidHex())).toList();
            return new WrapResult(output, options.scheme(), encrypted, samples, manifest,
                    plans.stream().mapToLong(TrackPlan::unparsedSliceHeaders).sum(), List.copyOf(dropped));
        } catch (BoxFormatException | CencFormatException e) {
            throw new DrmException(Kind.INVALID_INPUT, "malformed MP4 " + where + ": " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new DrmException(Kind.INVALID_INPUT, "no such file \"" + e.getFile() + "\"", e);
        } catch (IOException e) {
            throw new DrmException(Kind.ENVIRONMENT, "cannot encrypt " + where + ": " + e.getMessage(), e);
        }
    }

    private static long writeProgressive(FileChannel in, Mp4File file, Box moov, List<TrackPlan> plans, MediaWriter w,
                                         double clearLeadSeconds) throws IOException, BoxFormatException, CencFormatException {
        Map<TrackPlan, List<SampleEncryption>> aux = new LinkedHashMap<>();
        Map<TrackPlan, Integer> clearLead = new LinkedHashMap<>();
        List<SampleJob> jobs = new ArrayList<>();
        for (TrackPlan p : plans) {
            String path = p.track.path + "/mdia/minf/stbl";
            SampleTable table = SampleTable.of(p.track.stbl(), path, in.size());
            int clear = clearLeadSeconds > 0
                    ? ClearLead.samples(SampleTiming.of(p.track.stbl(), table.sizes.length, path), p.track.timescale, clearLeadSeconds) : 0;
            if (clear > 0) {
                p.mapEverySample();
            }
            List<SampleEncryption> list = new ArrayList<>(table.sizes.length);
            for (int s = 0; s < table.sizes.length; s++) {
                Optional<SampleEncryption> clearAux = s < clear ? p.clearSample(table.sizes[s], s) : Optional.empty();
                if (clearAux.isPresent()) {
                    list.add(clearAux.get());
                    continue;
                }
                clear = Math.min(clear, s);
                SampleEncryption e = p.sample(in, table.offsets[s], table.sizes[s], s, path);
                list.add(e);
                jobs.add(new SampleJob(table.offsets[s], table.sizes[s], p.encryption, e, p.key));
            }
            aux.put(p, list);
            clearLead.put(p, clear);
        }
        jobs.sort(Comparator.comparingLong(SampleJob::offset));

        Box out = moov.deepCopy();
        Map<TrackPlan, Box> sencs = new LinkedHashMap<>();
        for (TrackPlan p : plans) {
            Box trak = out.all("trak").get(moov.all("trak").indexOf(p.track.trak));
            p.protectSampleEntry(trak);
            Box stbl = trak.find("mdia/minf/stbl").orElseThrow();
            if (p.needsAuxInfo()) {
                Box senc = Box.leaf("senc", SencBox.write(aux.get(p), p.subsamples()));
                stbl.mutableChildren().add(senc);
                stbl.mutableChildren().add(TrackPlan.saiz(aux.get(p)));
                stbl.mutableChildren().add(TrackPlan.saio(0));
                sencs.put(p, senc);
            }
            int clear = clearLead.get(p);
            if (clear > 0) {
                stbl.mutableChildren().add(ClearLead.sgpd(p.encryption.perSampleIvSize()));
                stbl.mutableChildren().add(ClearLead.sbgp(clear, aux.get(p).size(), 1));
            }
        }
        out.mutableChildren().add(Pssh.common(plans.stream().map(p -> p.encryption.kid())
                .collect(java.util.stream.Collectors.toMap(Arrays::toString, k -> k, (a, b) -> a, LinkedHashMap::new)).values()));

        List<TopLevelBox> boxes = file.boxes();
        Map<Box, long[]> originalOffsets = new LinkedHashMap<>();
        for (Box trak : out.all("trak")) {
            Box stbl = trak.find("mdia/minf/stbl").orElseThrow();
            originalOffsets.put(stbl, SampleTable.chunkOffsets(stbl, "moov/trak/mdia/minf/stbl"));
        }
        long moovStart = 0;
        for (int attempt = 0; attempt < 3; attempt++) {
            long[] newStart = new long[boxes.size()];
            long pos = 0;
            for (int i = 0; i < boxes.size(); i++) {
                newStart[i] = pos;
                if (boxes.get(i).type().equals("moov")) {
                    moovStart = pos;
                }
                pos += boxes.get(i).type().equals("moov") ? out.size() : boxes.get(i).size();
            }
            for (Map.Entry<Box, long[]> e : originalOffsets.entrySet()) {
                long[] moved = e.getValue().clone();
                for (int k = 0; k < moved.length; k++) {
                    int i = Mp4File.indexOf(boxes, moved[k]);
                    moved[k] = newStart[i] + moved[k] - boxes.get(i).offset();
                }
                SampleTable.writeChunkOffsets(e.getKey(), moved);
            }
        }
        for (Map.Entry<TrackPlan, Box> e : sencs.entrySet()) {
            Box stbl = e.getValue() == null ? null : findParent(out, e.getValue());
            long sencData = moovStart + out.offsetOf(e.getValue()) + 8 + 8;
            Box saio = stbl.child("saio").orElseThrow();
            saio.setPayload(TrackPlan.saio(sencData).payload());
        }
        int[] cursor = {0};
        for (TopLevelBox b : boxes) {
            if (b.type().equals("moov")) {
                w.write(out.toBytes());
            } else {
                w.copy(in, b.offset(), b.end(), jobs, cursor);
            }
        }
        return jobs.size();
    }

    private static Box findParent(Box root, Box target) {
        for (Box c : root.children()) {
            if (c == target) {
                return root;
            }
            Box p = findParent(c, target);
            if (p != null) {
                return p;
            }
        }
        return null;
    }
}
