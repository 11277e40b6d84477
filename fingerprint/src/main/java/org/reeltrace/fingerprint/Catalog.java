package org.reeltrace.fingerprint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A catalog of works and released copies in any JDBC database with the same schema; a plain
 * path means an embedded SQLite file. Every write is one transaction, so an interrupted write
 * leaves the catalog as it was.
 */
public final class Catalog implements AutoCloseable {
    private static final int MAX_ALIGN_THREADS = 4;
    private static final String WORK_COLUMNS = "work_id, title, owner, source_path, source_sha256, duration, added";
    private final Connection connection;
    private final String name;

    private Catalog(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    /** Opens a catalog that must already exist (a plain path is not created): for reading commands. */
    public static Catalog openExisting(String pathOrJdbcUrl) throws FingerprintException {
        if (!pathOrJdbcUrl.startsWith("jdbc:") && !Files.exists(Path.of(pathOrJdbcUrl))) {
            throw new FingerprintException(FingerprintException.Kind.INVALID_INPUT, "no catalog \"" + pathOrJdbcUrl + "\"",
                    "create one with 'reeltrace fingerprint add --catalog " + pathOrJdbcUrl + " VIDEO'", null);
        }
        return open(pathOrJdbcUrl);
    }

    /** Opens a catalog, creating an empty SQLite file (and the tables) when a plain path does not exist yet. */
    public static Catalog open(String pathOrJdbcUrl) throws FingerprintException {
        String url = pathOrJdbcUrl;
        if (!pathOrJdbcUrl.startsWith("jdbc:")) {
            Path path = Path.of(pathOrJdbcUrl).toAbsolutePath();
            if (Files.isDirectory(path)) {
                throw invalid("catalog \"" + pathOrJdbcUrl + "\" is a directory", null);
            }
            if (path.getParent() != null && !Files.isDirectory(path.getParent())) {
                throw invalid("cannot create catalog \"" + pathOrJdbcUrl + "\": no such directory \"" + path.getParent() + "\"", null);
            }
            url = "jdbc:sqlite:" + path;
        }
        try {
            // a plain path goes straight to the bundled SQLite driver: DriverManager would first load
            // every driver on the class path (PostgreSQL's too), a good part of a short command's start
            Connection c = pathOrJdbcUrl.startsWith("jdbc:") ? DriverManager.getConnection(url) : new org.sqlite.JDBC().connect(url, new Properties());
            try {
                if (url.startsWith("jdbc:sqlite:")) {
                    try (Statement s = c.createStatement()) {
                        s.execute("PRAGMA foreign_keys = ON");
                        s.execute("PRAGMA busy_timeout = 10000");
                    }
                }
                CatalogSchema.create(c);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return new Catalog(c, pathOrJdbcUrl);
        } catch (SQLException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            if (reason.contains("No suitable driver")) {
                throw new FingerprintException(FingerprintException.Kind.ENVIRONMENT, "no JDBC driver for \"" + pathOrJdbcUrl + "\"",
                        "put the database's JDBC driver on the class path, or use a SQLite file path", e);
            }
            throw invalid("cannot open catalog \"" + pathOrJdbcUrl + "\": " + reason, e);
        }
    }

    /**
     * Registers a work; adding the same source again returns the existing entry unchanged.
     *
     * @param workId nullable: derived from the source's SHA-256 when absent
     * @param title  nullable
     * @param source nullable: the original media file, recorded for informed watermark detection
     */
    public Work add(Fingerprint fp, String workId, String title, Path source) throws FingerprintException {
        return inTransaction("cannot add to", () -> {
            Work existing = workId != null ? byWorkId(workId) : bySource(fp.sourceSha256());
            if (existing != null) {
                if (!existing.sourceSha256().equals(fp.sourceSha256())) {
                    throw invalid("work id \"" + workId + "\" is already registered for another source (sha256 " + existing.sourceSha256() + ")", null);
                }
                return existing;
            }
            String id = workId != null ? workId : "w-" + fp.sourceSha256().substring(0, 16);
            long pk = nextPk();
            Work work = new Work(id, title, System.getProperty("user.name"),
                    source == null ? null : source.toAbsolutePath().normalize().toString(),
                    fp.sourceSha256(), fp.durationSeconds(), Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO rt_work (pk, " + WORK_COLUMNS
                    + ", fingerprint_sha256, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, pk);
                ps.setString(2, work.workId());
                ps.setString(3, work.title());
                ps.setString(4, work.owner());
                ps.setString(5, work.sourcePath());
                ps.setString(6, work.sourceSha256());
                ps.setDouble(7, work.durationSeconds());
                ps.setString(8, work.added().toString());
                ps.setString(9, HexFormat.of().formatHex(fp.digest()));
                ps.setBytes(10, fp.encoded());
                ps.executeUpdate();
            }
            insertKeys(pk, fp);
            return work;
        });
    }

    @FunctionalInterface
    private interface Transaction<T> {
        T run() throws SQLException, FingerprintException;
    }

    /** Runs {@code body} as one transaction: all of it is stored, or (on any failure) none of it. */
    private <T> T inTransaction(String what, Transaction<T> body) throws FingerprintException {
        try {
            connection.setAutoCommit(false);
            try {
                T result = body.run();
                connection.commit();
                return result;
            } catch (SQLException | FingerprintException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private void insertKeys(long pk, Fingerprint fp) throws SQLException {
        if (fp.hasVideo()) {
            insertRows("INSERT INTO rt_frame_key (k, work_pk, frame) VALUES (?, ?, ?)", pk,
                    out -> CatalogIndex.frameRows(fp.video, out));
        }
        if (fp.hasAudio()) {
            insertRows("INSERT INTO rt_audio_key (k, work_pk, hop) VALUES (?, ?, ?)", pk,
                    out -> CatalogIndex.audioRows(fp.audio, out));
        }
    }

    @FunctionalInterface
    private interface Rows {
        void into(CatalogIndex.RowSink<SQLException> out) throws SQLException;
    }

    private void insertRows(String sql, long pk, Rows rows) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            rows.into((key, time) -> {
                ps.setInt(1, key);
                ps.setLong(2, pk);
                ps.setInt(3, time);
                ps.addBatch();
            });
            ps.executeBatch();
        }
    }

    private long nextPk() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(pk), 0) + 1 FROM rt_work")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public List<Work> list() throws FingerprintException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + WORK_COLUMNS + " FROM rt_work ORDER BY pk")) {
            List<Work> works = new ArrayList<>();
            while (rs.next()) {
                works.add(work(rs));
            }
            return works;
        } catch (SQLException e) {
            throw failure("cannot read", e);
        }
    }

    /** Number of catalogued works. */
    public int size() throws FingerprintException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM rt_work")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw failure("cannot read", e);
        }
    }

    /** The stored fingerprint of a work, if catalogued. */
    public Optional<Fingerprint> fingerprint(String workId) throws FingerprintException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT fingerprint FROM rt_work WHERE work_id = ?")) {
            ps.setString(1, workId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Fingerprint.decode(rs.getBytes(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("cannot read", e);
        }
    }

    /**
     * Which catalogued works the suspect contains: index look-up of hash chunks and landmarks
     * (sub-linear), then full temporal alignment against the few candidate works. Strongest first.
     */
    public List<CatalogMatch> match(Fingerprint suspect) throws FingerprintException {
        ExecutorService aligners = null;
        try {
            List<CandidateSearch.Candidate> candidates = CandidateSearch.candidates(connection, suspect);
            int works = Math.max(1, size());
            // the database is read on this thread; candidates are aligned on all cores
            int threads = Math.min(MAX_ALIGN_THREADS, Math.min(candidates.size(), Runtime.getRuntime().availableProcessors()));
            if (threads > 1) {
                aligners = Executors.newFixedThreadPool(threads, task -> {
                    Thread t = new Thread(task, "reeltrace-align");
                    t.setDaemon(true);
                    return t;
                });
            }
            List<Work> found = new ArrayList<>();
            List<Future<Comparison>> comparisons = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + WORK_COLUMNS + ", fingerprint FROM rt_work WHERE pk = ?")) {
                for (CandidateSearch.Candidate candidate : candidates) {
                    ps.setLong(1, candidate.workPk());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            found.add(work(rs));
                            WindowedMatch.Plan plan = WindowedMatch.plan(suspect.durationSeconds(), StoredFingerprint.of(rs.getBytes(8)),
                                    candidate.offsets(), works);
                            comparisons.add(aligners != null ? aligners.submit(() -> plan.compare(suspect))
                                    : CompletableFuture.completedFuture(plan.compare(suspect)));
                        }
                    }
                }
            }
            List<CatalogMatch> matches = new ArrayList<>();
            for (int k = 0; k < found.size(); k++) {
                Comparison c = comparisons.get(k).get();
                if (c.matches()) {
                    verifyStored(found.get(k).workId());
                    matches.add(new CatalogMatch(found.get(k), c.score(), c.falseMatchProbability(), c.segments()));
                }
            }
            matches.sort(Comparator.comparingDouble(CatalogMatch::score).reversed());
            return matches;
        } catch (SQLException e) {
            throw failure("cannot search", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FingerprintException(FingerprintException.Kind.ENVIRONMENT, "search in catalog \"" + name + "\" was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            if (aligners != null) {
                aligners.shutdownNow();
            }
        }
    }

    /** Checks the checksum of a work's stored fingerprint: a match is reported only on an intact one. */
    private void verifyStored(String workId) throws SQLException, FingerprintException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT fingerprint FROM rt_work WHERE work_id = ?")) {
            ps.setString(1, workId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    StoredFingerprint.of(rs.getBytes(1)).verify();
                }
            }
        }
    }

    public void recordCopy(String workId, String recipient, long payload, Instant date, String outputSha256, String outputFile) throws FingerprintException {
        inTransaction("cannot write to", () -> {
            if (byWorkId(workId) == null) {
                throw invalid("no work \"" + workId + "\" in catalog \"" + name + "\"", null);
            }
            Optional<RecipientCopy> existing = findCopy(workId, payload);
            if (existing.isPresent()) {
                if (!existing.get().recipient().equals(recipient)) {
                    throw invalid("payload " + Long.toUnsignedString(payload) + " of work \"" + workId
                            + "\" was already issued to \"" + existing.get().recipient() + "\"", null);
                }
                return null;
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO rt_copy (work_id, payload, recipient, issued, output_sha256, output_file) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, workId);
                ps.setLong(2, payload);
                ps.setString(3, recipient);
                ps.setString(4, (date == null ? Instant.now() : date).toString());
                ps.setString(5, outputSha256);
                ps.setString(6, outputFile);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<RecipientCopy> findCopy(String workId, long payload) throws FingerprintException {
        List<RecipientCopy> found = copies("SELECT work_id, recipient, payload, issued, output_sha256, output_file FROM rt_copy WHERE work_id = ? AND payload = ?",
                workId, payload);
        return found.stream().findFirst();
    }

    public List<RecipientCopy> copies(String workId) throws FingerprintException {
        return copies("SELECT work_id, recipient, payload, issued, output_sha256, output_file FROM rt_copy WHERE work_id = ? ORDER BY issued, payload",
                workId, null);
    }

    private List<RecipientCopy> copies(String sql, String workId, Long payload) throws FingerprintException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, workId);
            if (payload != null) {
                ps.setLong(2, payload);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<RecipientCopy> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new RecipientCopy(rs.getString(1), rs.getString(2), rs.getLong(3), Instant.parse(rs.getString(4)),
                            rs.getString(5), rs.getString(6)));
                }
                return out;
            }
        } catch (SQLException e) {
            throw failure("cannot read", e);
        }
    }

    private Work byWorkId(String workId) throws SQLException {
        return oneWork("SELECT " + WORK_COLUMNS + " FROM rt_work WHERE work_id = ?", workId);
    }

    private Work bySource(String sha) throws SQLException {
        return oneWork("SELECT " + WORK_COLUMNS + " FROM rt_work WHERE source_sha256 = ? ORDER BY pk", sha);
    }

    private Work oneWork(String sql, String arg) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? work(rs) : null;
            }
        }
    }

    private static Work work(ResultSet rs) throws SQLException {
        return new Work(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getDouble(6),
                Instant.parse(rs.getString(7)));
    }

    private FingerprintException failure(String what, SQLException e) {
        String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        if (reason.contains("SQLITE_NOTADB") || reason.contains("file is not a database")) {
            return invalid("\"" + name + "\" is not a reeltrace catalog (not a SQLite database)", e);
        }
        if (reason.contains("SQLITE_FULL") || reason.contains("SQLITE_BUSY") || reason.contains("SQLITE_READONLY")) {
            return new FingerprintException(FingerprintException.Kind.ENVIRONMENT, what + " catalog \"" + name + "\": " + reason, e);
        }
        return invalid(what + " catalog \"" + name + "\": " + reason, e);
    }

    private static FingerprintException invalid(String message, Throwable cause) {
        return new FingerprintException(FingerprintException.Kind.INVALID_INPUT, message, cause);
    }

    @Override
    public void close() throws FingerprintException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new FingerprintException(FingerprintException.Kind.ENVIRONMENT, "cannot close catalog \"" + name + "\": " + e.getMessage(), e);
        }
    }
}
