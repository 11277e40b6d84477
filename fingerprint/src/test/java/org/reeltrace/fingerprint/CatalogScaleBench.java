package org.reeltrace.fingerprint;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Catalog scale benchmark (bench/fingerprint/catalog-scale.sh): a SQLite catalog of HOURS one-hour
 * synthetic works, then `match` latency of a 60 s query and catalog bytes per hour.
 *
 * <p>Works look like the extractor's output: shots of 1-10 s; within a shot every grid frame's
 * whole, mirror and region hashes are the shot's hash with 4-24 bits changed (so neighbouring
 * frames share most chunk keys, as on real footage); 40 audio landmarks a second. The true query
 * is 60 s from the middle of one work with 30 of 256 bits flipped in every hash, 60% of the
 * landmarks lost and as many random ones added; the other query is a work not in the catalog.
 *
 * <p>Filling: adding 1,000 works one transaction at a time rewrites pages all over a gigabyte-size
 * B-tree for every work, so the rows are written here in key order in one transaction (the way a
 * bulk import would). The rows are exactly those {@link Catalog#add} writes — same row producers
 * ({@link CatalogIndex#frameRows}, {@link CatalogIndex#audioRows}); checked at start by filling a
 * small catalog both ways and comparing every row. Matching is the real {@link Catalog#match}.
 *
 * <pre>java -Xmx4g [-Dreuse=true] -cp fingerprint/target/test-classes:cli/target/reeltrace.jar \
 *     org.reeltrace.fingerprint.CatalogScaleBench DIR HOURS...</pre>
 * With {@code -Dreuse=true} catalogs already in DIR are timed again without refilling.
 */
public final class CatalogScaleBench {
    private static final int RUNS = 5;

    private CatalogScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        checkBulkRowsEqualCatalogAdd(dir.resolve("check.db"));
        System.out.println("| catalogued hours | works | catalog bytes | bytes per hour | fill s | match true 60 s query: first / median wall ms | median CPU ms | found at right offset | match non-matching 60 s query: median wall ms | median CPU ms | false matches |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (int a = 1; a < args.length; a++) {
            int hours = Integer.parseInt(args[a]);
            Path db = dir.resolve("scale-" + hours + "h.db");
            long t0 = System.nanoTime();
            boolean reuse = Boolean.getBoolean("reuse") && Files.exists(db); // re-time an existing catalog
            if (!reuse) {
                bulkFill(db, hours);
            }
            double fillSeconds = reuse ? Double.NaN : (System.nanoTime() - t0) / 1e9;
            int target = hours / 2;
            Fingerprint truth = Fingerprint.decode(work(target).encoded());
            Fingerprint query = query(truth, 1800, 60, 30, 77);
            Fingerprint unrelated = excerptOf(work(1_000_000 + hours), 600, 60);
            try (Catalog catalog = Catalog.open(db.toString())) {
                Timing t = time(catalog, query);
                Timing n = time(catalog, unrelated);
                List<CatalogMatch> m = t.last;
                boolean ok = !m.isEmpty() && m.get(0).work().workId().equals(workId(target))
                        && Math.abs(m.get(0).segments().get(0).refStart() - m.get(0).segments().get(0).queryStart() - 1800) <= 0.5;
                long bytes = Files.size(db);
                System.out.printf("| %d | %d | %d | %d | %.0f | %d / %d | %d | %s | %d | %d | %d |%n", hours, hours, bytes, bytes / hours,
                        fillSeconds, t.firstMs, t.medianMs, t.medianCpuMs, ok ? "yes" : "NO " + m, n.medianMs, n.medianCpuMs, n.last.size());
            }
            Files.write(dir.resolve("query-true-" + hours + "h.rtfp"), query.encoded());
            Files.write(dir.resolve("query-unrelated.rtfp"), unrelated.encoded());
        }
    }

    private record Timing(long firstMs, long medianMs, long medianCpuMs, List<CatalogMatch> last) {
    }

    private static Timing time(Catalog catalog, Fingerprint query) throws FingerprintException {
        // process CPU: the match aligns candidates on all cores (and JIT and GC threads count too)
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] ms = new long[RUNS];
        long[] cpu = new long[RUNS];
        long first = 0;
        List<CatalogMatch> m = null;
        for (int r = -1; r < RUNS; r++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            m = catalog.match(query);
            long wall = (System.nanoTime() - t0) / 1_000_000;
            if (r < 0) {
                first = wall; // the first look-ups of a fresh JVM: not yet compiled, index pages not in SQLite's cache
            } else {
                ms[r] = wall;
                cpu[r] = (os.getProcessCpuTime() - c0) / 1_000_000;
            }
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        return new Timing(first, ms[RUNS / 2], cpu[RUNS / 2], m);
    }

    // ---- synthetic works -------------------------------------------------------------------

    static String workId(int id) {
        return "work-" + id;
    }

    /** One hour of synthetic fingerprint, reproducible from {@code id}. */
    static Fingerprint work(int id) {
        SplittableRandom r = new SplittableRandom(id * 7919L + 1);
        double seconds = 3600;
        int frames = (int) Math.round(seconds / VideoHasher.GRID_STEP);
        VideoTrack v = new VideoTrack(VideoHasher.GRID_STEP, VideoHasher.REGION_STRIDE, frames);
        long[] shot = new long[(2 + VideoTrack.REGIONS) * Hashes.LONGS];
        int shotLeft = 0;
        for (int i = 0; i < frames; i++) {
            if (shotLeft-- <= 0) {
                for (int w = 0; w < shot.length; w++) {
                    shot[w] = r.nextLong();
                }
                shotLeft = 4 + r.nextInt(36); // 1 to 10 s
            }
            int f = v.append();
            v.quality[f] = (byte) 100;
            drift(shot, 0, v.full, f, r);
            drift(shot, 1, v.flip, f, r);
            if (v.hasRegions(f)) {
                for (int g = 0; g < VideoTrack.REGIONS; g++) {
                    int ri = v.regionIndex(f, g);
                    v.regionQuality[ri] = (byte) 100;
                    drift(shot, 2 + g, v.regions, ri, r);
                }
            }
        }
        v.trim();
        int hops = (int) (seconds * AudioLandmarker.SAMPLE_RATE / AudioLandmarker.HOP);
        long[] packed = new long[(int) (seconds * 40)];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = ((long) r.nextInt(hops) << 32) | r.nextInt(1 << 21);
        }
        byte[] sha = new byte[32];
        r.nextBytes(sha);
        return new Fingerprint(seconds, sha, new int[] {0, 0, 10000, 10000}, 0, v, audio(packed));
    }

    /** Copies hash {@code which} of the current shot into frame {@code f} of {@code to}, 4-24 bits changed. */
    private static void drift(long[] shot, int which, long[] to, int f, SplittableRandom r) {
        System.arraycopy(shot, which * Hashes.LONGS, to, f * Hashes.LONGS, Hashes.LONGS);
        flip(to, f, 4 + r.nextInt(21), r);
    }

    private static void flip(long[] hashes, int f, int bits, SplittableRandom r) {
        for (int k = 0; k < bits; k++) {
            int bit = r.nextInt(Hashes.BITS);
            hashes[f * Hashes.LONGS + bit / 64] ^= 1L << (bit % 64);
        }
    }

    private static AudioTrack audio(long[] packed) {
        Arrays.sort(packed);
        int[] times = new int[packed.length];
        int[] hashes = new int[packed.length];
        for (int i = 0; i < packed.length; i++) {
            times[i] = (int) (packed[i] >>> 32);
            hashes[i] = (int) packed[i];
        }
        return new AudioTrack(AudioLandmarker.SAMPLE_RATE, AudioLandmarker.HOP, hashes, times);
    }

    /** {@code len} seconds of {@code fp} from {@code from}, hashes and landmarks as they are. */
    static Fingerprint excerptOf(Fingerprint fp, double from, double len) {
        return query(fp, from, len, 0, 0, 0.0);
    }

    /** A degraded excerpt: {@code flips} bits flipped in every hash, 60% of landmarks lost, as many random added. */
    static Fingerprint query(Fingerprint fp, double from, double len, int flips, long seed) {
        return query(fp, from, len, flips, seed, 0.6);
    }

    private static Fingerprint query(Fingerprint fp, double from, double len, int flips, long seed, double lost) {
        SplittableRandom r = new SplittableRandom(seed);
        VideoTrack src = fp.video;
        int a = (int) Math.round(from / src.gridStep);
        int b = (int) Math.round((from + len) / src.gridStep);
        VideoTrack v = new VideoTrack(src.gridStep, src.regionStride, b - a);
        for (int i = a; i < b; i++) {
            int f = v.append();
            v.quality[f] = src.quality[i];
            System.arraycopy(src.full, i * Hashes.LONGS, v.full, f * Hashes.LONGS, Hashes.LONGS);
            System.arraycopy(src.flip, i * Hashes.LONGS, v.flip, f * Hashes.LONGS, Hashes.LONGS);
            flip(v.full, f, flips, r);
            flip(v.flip, f, flips, r);
        }
        v.trim();
        for (int k = 0; k < v.regionQuality.length; k++) {
            v.regionQuality[k] = (byte) 100;
            System.arraycopy(src.regions, (src.regionIndex(a, 0) + k) * Hashes.LONGS, v.regions, k * Hashes.LONGS, Hashes.LONGS);
            flip(v.regions, k, flips, r);
        }
        AudioTrack sa = fp.audio;
        double hop = sa.hopSeconds();
        int h0 = (int) Math.round(from / hop);
        int h1 = (int) Math.round((from + len) / hop);
        List<Long> kept = new ArrayList<>();
        for (int i = 0; i < sa.size(); i++) {
            int t = sa.times()[i];
            if (t >= h0 && t < h1 && r.nextDouble() >= lost) {
                kept.add(((long) (t - h0) << 32) | sa.hashes()[i]);
            }
        }
        int noise = (int) Math.round((h1 - h0) * hop * 40 * lost);
        for (int i = 0; i < noise; i++) {
            kept.add(((long) r.nextInt(h1 - h0) << 32) | r.nextInt(1 << 21));
        }
        byte[] sha = new byte[32];
        r.nextBytes(sha);
        return new Fingerprint(len, sha, new int[] {0, 0, 10000, 10000}, 0, v,
                audio(kept.stream().mapToLong(Long::longValue).toArray()));
    }

    // ---- bulk filling ----------------------------------------------------------------------

    /** rt_work rows one by one (pk order), then every index row sorted by key, in one transaction. */
    static void bulkFill(Path db, int works) throws Exception {
        Files.deleteIfExists(db);
        try (Catalog created = Catalog.open(db.toString())) {
            created.size(); // the schema, exactly as the catalog makes it
        }
        long[] frameRows = new long[works * 3600 * 4 / CatalogIndex.FRAME_STRIDE * CatalogIndex.CHUNKS];
        long[] audioRows = new long[works * 3600 * 40 / CatalogIndex.AUDIO_SAMPLING * 5 / 4];
        int nf = 0;
        int na = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rt_work (pk, work_id, title, owner, source_path, source_sha256,"
                    + " duration, added, fingerprint_sha256, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int w = 0; w < works; w++) {
                    Fingerprint fp = Fingerprint.decode(work(w).encoded()); // stored and indexed as a read-back .rtfp, like add
                    long pk = w + 1;
                    ps.setLong(1, pk);
                    ps.setString(2, workId(w));
                    ps.setString(3, "Synthetic work " + w);
                    ps.setString(4, "bench");
                    ps.setString(5, null);
                    ps.setString(6, fp.sourceSha256());
                    ps.setDouble(7, fp.durationSeconds());
                    ps.setString(8, Instant.parse("2026-11-21T00:00:00Z").toString());
                    ps.setString(9, HexFormat.of().formatHex(fp.digest()));
                    ps.setBytes(10, fp.encoded());
                    ps.executeUpdate();
                    long[] f = frameRows;
                    int[] fi = {nf};
                    CatalogIndex.frameRows(fp.video, (key, frame) -> f[fi[0]++] = pack(key, pk, frame));
                    nf = fi[0];
                    if (na + fp.audio.size() > audioRows.length) {
                        audioRows = Arrays.copyOf(audioRows, audioRows.length * 2);
                    }
                    long[] au = audioRows;
                    int[] ai = {na};
                    CatalogIndex.audioRows(fp.audio, (key, hop) -> au[ai[0]++] = pack(key, pk, hop));
                    na = ai[0];
                }
            }
            insertSorted(c, "INSERT INTO rt_frame_key (k, work_pk, frame) VALUES (?, ?, ?)", frameRows, nf);
            frameRows = null;
            insertSorted(c, "INSERT INTO rt_audio_key (k, work_pk, hop) VALUES (?, ?, ?)", audioRows, na);
            c.commit();
        }
    }

    /** key (24 bits) | work pk (12 bits) | time (24 bits) */
    private static long pack(int key, long pk, int time) {
        if (key >>> 24 != 0 || pk >>> 12 != 0 || time >>> 24 != 0) {
            throw new IllegalStateException("row does not fit the bench's packing: " + key + " " + pk + " " + time);
        }
        return (long) key << 36 | pk << 24 | time;
    }

    private static void insertSorted(Connection c, String sql, long[] rows, int n) throws Exception {
        Arrays.parallelSort(rows, 0, n);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < n; i++) {
                long row = rows[i];
                ps.setInt(1, (int) (row >>> 36));
                ps.setLong(2, (row >>> 24) & 0xfff);
                ps.setInt(3, (int) (row & 0xffffff));
                ps.addBatch();
                if (i % 100_000 == 99_999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** A few works through Catalog.add and through bulkFill must give the same index rows. */
    static void checkBulkRowsEqualCatalogAdd(Path db) throws Exception {
        int works = 3;
        Path added = db.resolveSibling("check-add.db");
        Files.deleteIfExists(added);
        try (Catalog c = Catalog.open(added.toString())) {
            for (int w = 0; w < works; w++) {
                c.add(Fingerprint.decode(work(w).encoded()), workId(w), null, null);
            }
        }
        bulkFill(db, works);
        for (String sql : List.of("SELECT k, work_pk, frame FROM rt_frame_key ORDER BY 1, 2, 3",
                "SELECT k, work_pk, hop FROM rt_audio_key ORDER BY 1, 2, 3",
                "SELECT pk, work_id, fingerprint FROM rt_work ORDER BY 1")) {
            if (!rows(added, sql).equals(rows(db, sql))) {
                throw new IllegalStateException("bulk fill differs from Catalog.add: " + sql);
            }
        }
        Files.delete(added);
        Files.delete(db);
        System.out.println("bulk fill writes the same rows as Catalog.add (" + works + " works checked)");
    }

    private static List<String> rows(Path db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int cols = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= cols; i++) {
                    Object o = rs.getObject(i);
                    b.append(o instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(o)).append('|');
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
