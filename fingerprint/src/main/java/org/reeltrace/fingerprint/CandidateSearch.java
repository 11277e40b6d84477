package org.reeltrace.fingerprint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * The sub-linear first stage of catalog matching: look up the suspect's hash chunks (whole
 * picture, mirror image and sub-regions for picture-in-picture) and sampled audio landmarks in the
 * index tables, and vote per (work, coarse offset). Only works with consistent votes go on to
 * full temporal alignment, and only around the offsets that were voted for. Cost grows with the
 * suspect's length and the posting lists it hits, not with the number of catalogued frames.
 */
final class CandidateSearch {
    static final double OFFSET_BIN = 4.0;
    /** keys per look-up statement: few round trips, well under every database's parameter limit */
    private static final int BATCH = 1000;

    private CandidateSearch() {
    }

    /** A work worth aligning and the offsets (reference time - query time, seconds) its votes point at. */
    record Candidate(long workPk, int votes, List<Double> offsets) {
    }

    /** Candidate works, strongest first. */
    static List<Candidate> candidates(Connection c, Fingerprint suspect) throws SQLException {
        QueryKeys video = QueryKeys.video(suspect);
        QueryKeys audio = QueryKeys.audio(suspect);
        OffsetVotes votes = new OffsetVotes();
        lookup(c, "rt_frame_key", "frame", video, VideoHasher.GRID_STEP, 0, votes);
        lookup(c, "rt_audio_key", "hop", audio, AudioLandmarker.HOP / (double) AudioLandmarker.SAMPLE_RATE, video.size(), votes);
        double catalogSeconds;
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(duration), 0) FROM rt_work")) {
            rs.next();
            catalogSeconds = rs.getDouble(1);
        }
        return votes.best(catalogSeconds);
    }

    /** Batched look-ups: one statement per {@link #BATCH} keys instead of one per key. */
    private static void lookup(Connection c, String table, String timeColumn, QueryKeys keys, double unit, int keyBase,
            OffsetVotes votes) throws SQLException {
        String full = null;
        PreparedStatement fullBatch = null;
        try {
            for (int from = 0; from < keys.size(); from += BATCH) {
                int to = Math.min(keys.size(), from + BATCH);
                String sql = "SELECT k, work_pk, " + timeColumn + " FROM " + table + " WHERE k IN (" + "?,".repeat(to - from - 1) + "?)";
                PreparedStatement ps;
                if (to - from == BATCH) { // every full batch has the same statement: prepare it once
                    if (fullBatch == null) {
                        full = sql;
                        fullBatch = c.prepareStatement(full);
                    }
                    ps = fullBatch;
                } else {
                    ps = c.prepareStatement(sql);
                }
                try {
                    for (int i = from; i < to; i++) {
                        ps.setInt(i - from + 1, keys.key(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            int k = keys.indexOf(rs.getInt(1), from, to);
                            long work = rs.getLong(2);
                            double refTime = rs.getInt(3) * unit;
                            for (int e = keys.start(k); e < keys.start(k + 1); e++) {
                                votes.vote(work, refTime - keys.time(e), keys.time(e), keyBase + k);
                            }
                        }
                    }
                } finally {
                    if (ps != fullBatch) {
                        ps.close();
                    }
                }
            }
        } finally {
            if (fullBatch != null) {
                fullBatch.close();
            }
        }
    }

    /**
     * The suspect's distinct look-up keys in ascending order, each with the query times (seconds)
     * that carry it: {@code time(e)} for {@code start(k) <= e < start(k + 1)}.
     */
    static final class QueryKeys {
        private final int[] keys;
        private final int[] starts;
        private final double[] times;

        private QueryKeys(int[] keys, int[] starts, double[] times) {
            this.keys = keys;
            this.starts = starts;
            this.times = times;
        }

        int size() {
            return keys.length;
        }

        int key(int k) {
            return keys[k];
        }

        int start(int k) {
            return starts[k];
        }

        double time(int e) {
            return times[e];
        }

        /** Index of {@code key}, which must be one of keys {@code [from, to)}. */
        int indexOf(int key, int from, int to) {
            int k = Arrays.binarySearch(keys, from, to, key);
            if (k < 0) {
                throw new IllegalStateException("the database returned key " + key + ", which was not asked for");
            }
            return k;
        }

        static QueryKeys video(Fingerprint suspect) {
            Builder b = new Builder();
            VideoTrack v = suspect.video;
            if (suspect.hasVideo()) {
                for (int i = 0; i < v.count; i++) {
                    if (v.quality(i) < FrameEvidence.MIN_QUALITY) {
                        continue;
                    }
                    double t = i * v.gridStep;
                    CatalogIndex.keys(v.full, i, k -> b.add(k, t));
                    CatalogIndex.keys(v.flip, i, k -> b.add(k, t));
                    if (v.insetQuality(i) >= FrameEvidence.MIN_QUALITY) {
                        CatalogIndex.keys(v.inset, i, k -> b.add(k, t));
                    }
                    if (v.hasRegions(i)) {
                        for (int g = 0; g < VideoTrack.REGIONS; g++) {
                            if (v.regionQuality(i, g) >= FrameEvidence.MIN_QUALITY) {
                                CatalogIndex.keys(v.regions, v.regionIndex(i, g), k -> b.add(k, t));
                            }
                        }
                    }
                }
            }
            return b.build();
        }

        static QueryKeys audio(Fingerprint suspect) {
            Builder b = new Builder();
            if (suspect.hasAudio()) {
                AudioTrack a = suspect.audio;
                for (int i = 0; i < a.size(); i++) {
                    if (CatalogIndex.indexedLandmark(a.hashes()[i])) {
                        b.add(a.hashes()[i], a.times()[i] * a.hopSeconds());
                    }
                }
            }
            return b.build();
        }

        private static final class Builder {
            private long[] entries = new long[1024]; // key << 32 | index into times: sorts by key, then insertion
            private double[] times = new double[1024];
            private int n;

            void add(int key, double time) {
                if (n == entries.length) {
                    entries = Arrays.copyOf(entries, n * 2);
                    times = Arrays.copyOf(times, n * 2);
                }
                entries[n] = ((long) key << 32) | n;
                times[n] = time;
                n++;
            }

            QueryKeys build() {
                long[] sorted = Arrays.copyOf(entries, n);
                Arrays.sort(sorted);
                int[] keys = new int[n];
                int[] starts = new int[n + 1];
                double[] ordered = new double[n];
                int distinct = 0;
                for (int e = 0; e < n; e++) {
                    int key = (int) (sorted[e] >> 32);
                    if (distinct == 0 || keys[distinct - 1] != key) {
                        keys[distinct] = key;
                        starts[distinct] = e;
                        distinct++;
                    }
                    ordered[e] = times[(int) sorted[e]];
                }
                starts[distinct] = n;
                return new QueryKeys(Arrays.copyOf(keys, distinct), Arrays.copyOf(starts, distinct + 1), ordered);
            }
        }
    }
}
