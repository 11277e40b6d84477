package org.reeltrace.fingerprint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sub-linear first stage of catalog matching: look up the suspect's hash chunks (whole
 * picture, mirror image and sub-regions for picture-in-picture) and sampled audio landmarks in the
 * index tables, and vote per (work, coarse offset). Only works with consistent votes go on to
 * full temporal alignment. Cost grows with the suspect's length and the posting lists it hits,
 * not with the number of catalogued frames.
 */
final class CandidateSearch {
    private static final double OFFSET_BIN = 4.0;
    private static final int MIN_VOTES = 2;
    private static final int MAX_CANDIDATES = 32;

    private CandidateSearch() {
    }

    /** Work primary keys worth aligning, strongest first. */
    static List<Long> candidates(Connection c, Fingerprint suspect) throws SQLException {
        // key -> query times (seconds) that carry it; one look-up per distinct key
        Map<Integer, List<Double>> videoKeys = new HashMap<>();
        VideoTrack v = suspect.video;
        if (suspect.hasVideo()) {
            for (int i = 0; i < v.count; i++) {
                if (v.quality(i) < FrameEvidence.MIN_QUALITY) {
                    continue;
                }
                double t = i * v.gridStep;
                CatalogIndex.keys(v.full, i, k -> add(videoKeys, k, t));
                CatalogIndex.keys(v.flip, i, k -> add(videoKeys, k, t));
                if (v.hasRegions(i)) {
                    for (int g = 0; g < VideoTrack.REGIONS; g++) {
                        if (v.regionQuality(i, g) >= FrameEvidence.MIN_QUALITY) {
                            CatalogIndex.keys(v.regions, v.regionIndex(i, g), k -> add(videoKeys, k, t));
                        }
                    }
                }
            }
        }
        Map<Integer, List<Double>> audioKeys = new HashMap<>();
        if (suspect.hasAudio()) {
            AudioTrack a = suspect.audio;
            for (int i = 0; i < a.size(); i++) {
                if (CatalogIndex.indexedLandmark(a.hashes()[i])) {
                    add(audioKeys, a.hashes()[i], a.times()[i] * a.hopSeconds());
                }
            }
        }
        Votes votes = new Votes();
        lookup(c, "SELECT work_pk, frame FROM rt_frame_key WHERE k = ?", videoKeys, VideoHasher.GRID_STEP, votes);
        lookup(c, "SELECT work_pk, hop FROM rt_audio_key WHERE k = ?", audioKeys, AudioLandmarker.HOP / (double) AudioLandmarker.SAMPLE_RATE, votes);
        return votes.best();
    }

    private static void add(Map<Integer, List<Double>> keys, int key, double t) {
        keys.computeIfAbsent(key, x -> new ArrayList<>(2)).add(t);
    }

    private static void lookup(Connection c, String sql, Map<Integer, List<Double>> keys, double unit, Votes votes) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<Integer, List<Double>> e : keys.entrySet()) {
                ps.setInt(1, e.getKey());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long work = rs.getLong(1);
                        double refTime = rs.getInt(2) * unit;
                        for (double qt : e.getValue()) {
                            votes.vote(work, refTime - qt, qt);
                        }
                    }
                }
            }
        }
    }

    /** Distinct query instants per (work, offset bin); a bin also counts its neighbours. */
    private static final class Votes {
        private final Map<Long, Map<Long, java.util.Set<Long>>> byWork = new HashMap<>();

        void vote(long work, double offset, double queryTime) {
            long bin = (long) Math.floor(offset / OFFSET_BIN);
            byWork.computeIfAbsent(work, w -> new HashMap<>())
                    .computeIfAbsent(bin, b -> new java.util.HashSet<>())
                    .add(Math.round(queryTime * 4));
        }

        List<Long> best() {
            List<long[]> ranked = new ArrayList<>();
            for (Map.Entry<Long, Map<Long, java.util.Set<Long>>> w : byWork.entrySet()) {
                int top = 0;
                Map<Long, java.util.Set<Long>> bins = w.getValue();
                for (Map.Entry<Long, java.util.Set<Long>> b : bins.entrySet()) {
                    java.util.Set<Long> instants = new java.util.HashSet<>(b.getValue());
                    instants.addAll(bins.getOrDefault(b.getKey() + 1, java.util.Set.of()));
                    top = Math.max(top, instants.size());
                }
                if (top >= MIN_VOTES) {
                    ranked.add(new long[] {w.getKey(), top});
                }
            }
            ranked.sort((a, b) -> Long.compare(b[1], a[1]));
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < Math.min(MAX_CANDIDATES, ranked.size()); i++) {
                out.add(ranked.get(i)[0]);
            }
            return out;
        }
    }
}
