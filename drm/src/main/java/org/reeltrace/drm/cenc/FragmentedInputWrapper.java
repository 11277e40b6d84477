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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * Encrypts an already fragmented MP4 (one file, or an init segment, or a media segment with its
 * init's moov) in place of its layout: protected sample entries and a ClearKey pssh in moov,
 * senc/saiz/saio added to each traf, samples encrypted inside mdat, trun data offsets and sidx
 * referenced sizes moved for the larger moofs.
 */
final class FragmentedInputWrapper {
    private final FileChannel in;
    private final Mp4File file;
    private final Box moov;
    private final boolean moovInFile;
    private final Map<Integer, TrackPlan> plans = new HashMap<>();
    private final Map<Integer, int[]> trex = new HashMap<>();
    private final List<TrackPlan> planList;
    private long samples;

    FragmentedInputWrapper(FileChannel in, Mp4File file, Box moov, boolean moovInFile, List<TrackPlan> planList) {
        this.in = in;
        this.file = file;
        this.moov = moov;
        this.moovInFile = moovInFile;
        this.planList = planList;
        planList.forEach(p -> plans.put(p.track.trackId, p));
        moov.find("mvex").ifPresent(mvex -> mvex.all("trex").forEach(t -> {
            ByteBuffer b = t.data();
            if (b.remaining() >= 24) {
                trex.put(b.getInt(4), new int[] {b.getInt(8), b.getInt(16)});
            }
        }));
    }

    long samples() {
        return samples;
    }

    /** The moof of {@code box} with encryption boxes added, and the jobs for its samples. */
    private record Built(Box moof, List<TrackFragment> fragments, List<Box> sencs, List<SampleJob> jobs) {
    }

    private Built build(TopLevelBox box, Map<Integer, Long> counters) throws IOException, BoxFormatException, CencFormatException {
        Box moof = file.load(box, Mp4File.MAX_MOOF);
        String path = "moof at byte " + box.offset();
        List<TrackFragment> fragments = TrackFragment.of(moof, path, box.offset(), trex);
        List<Box> sencs = new ArrayList<>();
        List<SampleJob> jobs = new ArrayList<>();
        for (TrackFragment f : fragments) {
            TrackPlan p = plans.get(f.trackId);
            if (p == null || f.sizes.isEmpty()) {
                sencs.add(null);
                continue;
            }
            List<SampleEncryption> aux = new ArrayList<>();
            long index = counters.getOrDefault(f.trackId, 0L);
            for (int s = 0; s < f.sizes.size(); s++) {
                SampleEncryption e = p.sample(in, f.positions.get(s), f.sizes.get(s), index++, f.path);
                aux.add(e);
                jobs.add(new SampleJob(f.positions.get(s), f.sizes.get(s), p.encryption, e, p.key));
            }
            counters.put(f.trackId, index);
            if (p.needsAuxInfo()) {
                Box senc = Box.leaf("senc", SencBox.write(aux, p.subsamples()));
                f.traf.mutableChildren().add(senc);
                f.traf.mutableChildren().add(TrackPlan.saiz(aux));
                f.traf.mutableChildren().add(Box.leaf("saio", ByteBuffer.allocate(12).putInt(0).putInt(1).putInt(0).array()));
                sencs.add(senc);
            } else {
                sencs.add(null);
            }
        }
        moof.removeChildren("pssh");
        return new Built(moof, fragments, sencs, jobs);
    }

    void write(MediaWriter w) throws IOException, BoxFormatException, CencFormatException {
        Box newMoov = null;
        if (moovInFile) {
            newMoov = moov.deepCopy();
            List<Box> originals = moov.all("trak");
            List<Box> copies = newMoov.all("trak");
            for (TrackPlan p : planList) {
                p.protectSampleEntry(copies.get(originals.indexOf(p.track.trak)));
            }
            newMoov.removeChildren("pssh");
            newMoov.mutableChildren().add(Pssh.common(planList.stream().map(p -> p.encryption.kid())
                    .collect(java.util.stream.Collectors.toMap(Arrays::toString, k -> k, (a, b) -> a, LinkedHashMap::new)).values()));
        }
        List<TopLevelBox> boxes = file.boxes();
        long[] newStart = new long[boxes.size()];
        Map<Integer, Long> counters = new HashMap<>();
        List<Map<Integer, Long>> snapshots = new ArrayList<>();
        long pos = 0;
        for (int i = 0; i < boxes.size(); i++) {
            TopLevelBox b = boxes.get(i);
            newStart[i] = pos;
            snapshots.add(new HashMap<>(counters));
            pos += switch (b.type()) {
                case "moov" -> newMoov.size();
                case "moof" -> build(b, counters).moof().size();
                case "pssh" -> 0;
                default -> b.size();
            };
        }
        LongUnaryOperator map = p -> {
            int i = Mp4File.indexOf(boxes, p);
            return newStart[i] + (p - boxes.get(i).offset());
        };
        List<SampleJob> jobs = new ArrayList<>();
        int[] cursor = {0};
        for (int i = 0; i < boxes.size(); i++) {
            TopLevelBox b = boxes.get(i);
            switch (b.type()) {
                case "moov" -> w.write(newMoov.toBytes());
                case "pssh" -> {
                }
                case "sidx" -> w.write(sidx(b, map));
                case "mfra" -> w.write(MovieFragmentIndex.relocate(file.load(b, Mp4File.MAX_MOOF), map, "mfra"));
                case "moof" -> {
                    Built built = build(b, new HashMap<>(snapshots.get(i)));
                    for (int k = 0; k < built.fragments().size(); k++) {
                        TrackFragment f = built.fragments().get(k);
                        f.relocate(map, b.offset(), newStart[i]);
                        Box senc = built.sencs().get(k);
                        if (senc != null) {
                            long base = f.explicitBase ? map.applyAsLong(f.base) : newStart[i];
                            long at = newStart[i] + built.moof().offsetOf(senc) + 16 - base;
                            ByteBuffer.wrap(f.traf.child("saio").orElseThrow().payload()).putInt(8, (int) at);
                        }
                    }
                    List<SampleJob> more = new ArrayList<>(jobs.subList(cursor[0], jobs.size()));
                    more.addAll(built.jobs());
                    more.sort(Comparator.comparingLong(SampleJob::offset));
                    jobs = more;
                    cursor[0] = 0;
                    samples += built.jobs().size();
                    w.write(built.moof().toBytes());
                }
                default -> w.copy(in, b.offset(), b.end(), jobs, cursor);
            }
        }
    }

    /** The sidx with referenced sizes moved to the new layout. */
    private byte[] sidx(TopLevelBox box, LongUnaryOperator map) throws IOException, BoxFormatException, CencFormatException {
        Box sidx = file.load(box, Mp4File.MAX_MOOF);
        ByteBuffer b = sidx.data();
        try {
            int version = b.get() & 0xff;
            b.position(12);
            long firstOffset;
            if (version == 0) {
                b.getInt();
                firstOffset = b.getInt() & 0xFFFFFFFFL;
            } else {
                b.getLong();
                firstOffset = b.getLong();
            }
            b.getShort();
            int count = b.getShort() & 0xffff;
            long start = box.end() + firstOffset;
            for (int r = 0; r < count; r++) {
                int at = b.position();
                int word = b.getInt();
                long size = word & 0x7FFFFFFFL;
                long newSize = map.applyAsLong(start + size) - map.applyAsLong(start);
                b.putInt(at, (word & 0x80000000) | (int) newSize);
                start += size;
                b.getInt();
                b.getInt();
            }
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new CencFormatException("sidx at byte " + box.offset(), "is cut short");
        }
        return sidx.toBytes();
    }
}
