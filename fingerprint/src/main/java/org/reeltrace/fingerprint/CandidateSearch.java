package org.reeltrace.fingerprint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sub-linear first stage of catalog matching: look up the suspect's hash chunks (whole
 * picture, mirror image and sub-regions for picture-in-picture) and sampled audio landmarks in the
 * index tables, and vote per (work, coarse offset). Only works with consistent votes go on to
 * full temporal alignment, and only around the offsets that were voted for. Cost grows with the
 * suspect's length and the posting lists it hits, not with the number of catalogued frames.
 */
final class CandidateSearch {
    static final double OFFSET_BIN = 4.0;
    private static final int MIN_VOTES = 2;
    private static final int MAX_CANDIDATES = 32;
    private static final int MAX_BINS_PER_WORK = 8;
    private static final int BATCH = 400;

    private CandidateSearch() {
    }

    /** A work worth aligning and the offsets (reference time - query time, seconds) its votes point at. */
    record Candidate(long workPk, int votes, List<Double> offsets) {
    }

    /** Candidate works, strongest first. */
    static List<Candidate> candidates(Connection c, Fingerprint suspect) throws SQLException {
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
                if (v.insetQuality(i) >= FrameEvidence.MIN_QUALITY) {
                    CatalogIndex.keys(v.inset, i, k -> add(videoKeys, k, t));
                }
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
        lookup(c, "rt_frame_key", "frame", videoKeys, VideoHasher.GRID_STEP, 0, votes);
        lookup(c, "rt_audio_key", "hop", audioKeys, AudioLandmarker.HOP / (double) AudioLandmarker.SAMPLE_RATE, 1L << 32, votes);
        double catalogSeconds;
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(duration), 0) FROM rt_work")) {
            rs.next();
            catalogSeconds = rs.getDouble(1);
        }
        return votes.best(catalogSeconds);
    }

    private static void add(Map<Integer, List<Double>> keys, int key, double t) {
        keys.computeIfAbsent(key, x -> new ArrayList<>(2)).add(t);
    }

    /** Batched look-ups: one statement per {@link #BATCH} keys instead of one per key. */
    private static void lookup(Connection c, String table, String timeColumn, Map<Integer, List<Double>> keys, double unit, long keySpace,
            Votes votes) throws SQLException {
        List<Integer> all = new ArrayList<>(keys.keySet());
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Integer> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            String sql = "SELECT k, work_pk, " + timeColumn + " FROM " + table + " WHERE k IN (" + "?,".repeat(batch.size() - 1) + "?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < batch.size(); i++) {
                    ps.setInt(i + 1, batch.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int key = rs.getInt(1);
                        List<Double> queryTimes = keys.get(key);
                        long work = rs.getLong(2);
                        double refTime = rs.getInt(3) * unit;
                        for (double qt : queryTimes) {
                            votes.vote(work, refTime - qt, qt, keySpace | (key & 0xffffffffL));
                        }
                    }
                }
            }
        }
    }

    /**
     * Evidence per (work, offset bin): distinct query instants, but never more than the distinct
     * keys that produced them. Frames of one shot carry the same chunk keys, so a single chance
     * key collision between a suspect's shot and a catalogued shot votes from many instants at
     * once; counted by keys it is one vote, while a real copy hits many different keys. A bin
     * also counts its upper neighbour.
     */
    private static final class Votes {
        private final Map<Long, Map<Long, Bin>> byWork = new HashMap<>();

        private static final class Bin {
            final Set<Long> instants = new HashSet<>();
            final Set<Long> keys = new HashSet<>();

            int evidence() {
                return Math.min(instants.size(), keys.size());
            }
        }

        void vote(long work, double offset, double queryTime, long key) {
            long bin = (long) Math.floor(offset / OFFSET_BIN);
            Bin b = byWork.computeIfAbsent(work, w -> new HashMap<>()).computeIfAbsent(bin, x -> new Bin());
            b.instants.add(Math.round(queryTime * 4));
            b.keys.add(key);
        }

        /**
         * Chance look-up hits spread over every offset of every catalogued work; a bin pair must stand
         * out from that background (Poisson mean + 4 sigma), and have at least {@link #MIN_VOTES}.
         */
        List<Candidate> best(double catalogSeconds) {
            long votesTotal = 0;
            for (Map<Long, Bin> bins : byWork.values()) {
                for (Bin b : bins.values()) {
                    votesTotal += b.evidence();
                }
            }
            double cells = Math.max(1, catalogSeconds / OFFSET_BIN);
            List<Candidate> ranked = new ArrayList<>();
            for (Map.Entry<Long, Map<Long, Bin>> w : byWork.entrySet()) {
                Map<Long, Bin> bins = w.getValue();
                List<long[]> strong = new ArrayList<>();
                for (Map.Entry<Long, Bin> b : bins.entrySet()) {
                    Bin upper = bins.get(b.getKey() + 1);
                    Bin own = b.getValue();
                    int evidence = own.evidence();
                    if (upper != null && Math.min(own.instants.size() + upper.instants.size(), own.keys.size() + upper.keys.size()) >= MIN_VOTES) {
                        Bin pair = new Bin();
                        pair.instants.addAll(own.instants);
                        pair.keys.addAll(own.keys);
                        pair.instants.addAll(upper.instants);
                        pair.keys.addAll(upper.keys);
                        evidence = pair.evidence();
                    }
                    // the background is what the other bins got: a bin's own votes do not raise its bar
                    double lambda = 2.0 * Math.max(0, votesTotal - evidence) / cells;
                    if (evidence >= Math.max(MIN_VOTES, lambda + 4 * Math.sqrt(lambda) + 1)) {
                        strong.add(new long[] {b.getKey(), evidence});
                    }
                }
                if (strong.isEmpty()) {
                    continue;
                }
                strong.sort((a, b) -> Long.compare(b[1], a[1]));
                List<Double> offsets = new ArrayList<>();
                for (int i = 0; i < Math.min(MAX_BINS_PER_WORK, strong.size()); i++) {
                    offsets.add((strong.get(i)[0] + 1) * OFFSET_BIN); // middle of the bin pair
                }
                ranked.add(new Candidate(w.getKey(), (int) strong.get(0)[1], offsets));
            }
            ranked.sort((a, b) -> Integer.compare(b.votes(), a.votes()));
            return ranked.subList(0, Math.min(MAX_CANDIDATES, ranked.size()));
        }
    }
}
