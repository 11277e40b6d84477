package org.reeltrace.chain;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.reeltrace.chain.ChainException.Kind.ENVIRONMENT;

/**
 * The anchoring journal (SQLite, WAL, synchronous=FULL) in HOME/journal.db: every batch is
 * written before its transaction is signed, every signed transaction before it is sent, so a run
 * killed at any point is finished by the next one. One process at a time holds HOME/journal.lock.
 */
final class Journal implements AutoCloseable {
    static final String PENDING = "pending";
    static final String ANCHORED = "anchored";

    private final Connection db;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private Journal(Connection db, FileChannel lockChannel, FileLock lock) {
        this.db = db;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static Journal open(Path home) throws ChainException {
        try {
            Files.createDirectories(home);
            FileChannel ch = FileChannel.open(home.resolve("journal.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = ch.lock();
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("journal.db"));
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS batch(id INTEGER PRIMARY KEY, chain_id INTEGER NOT NULL, contract TEXT NOT NULL,
                          root TEXT NOT NULL, uri TEXT NOT NULL, receipt_dir TEXT NOT NULL, state TEXT NOT NULL, created TEXT NOT NULL,
                          tx_hash TEXT, block_number INTEGER, block_hash TEXT, block_time TEXT, sender TEXT)""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS item(batch_id INTEGER NOT NULL, idx INTEGER NOT NULL, leaf TEXT NOT NULL,
                          name TEXT NOT NULL, kind TEXT NOT NULL, algorithm TEXT NOT NULL, digest TEXT NOT NULL, input TEXT,
                          size INTEGER, cid TEXT, PRIMARY KEY(batch_id, idx))""");
                s.execute("CREATE INDEX IF NOT EXISTS item_leaf ON item(leaf)");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS tx(hash TEXT PRIMARY KEY, batch_id INTEGER NOT NULL, nonce INTEGER NOT NULL,
                          raw TEXT NOT NULL, max_fee TEXT NOT NULL, priority_fee TEXT NOT NULL, sent TEXT NOT NULL, state TEXT NOT NULL)""");
            }
            return new Journal(db, ch, lock);
        } catch (IOException | SQLException e) {
            throw new ChainException(ENVIRONMENT, "cannot open the journal in \"" + home + "\": " + e.getMessage(), e);
        }
    }

    /** A batch as the journal keeps it. */
    record Batch(long id, long chainId, String contract, String root, String uri, Path receiptDir, List<AnchorItem> items,
                 Receipt.Anchor anchor) {
    }

    /** A signed transaction of a batch. */
    record Tx(String hash, long batchId, long nonce, String raw, Fees fees, Instant sent, String state) {
    }

    long createBatch(long chainId, String contract, byte[] root, String uri, Path receiptDir, List<AnchorItem> items) throws ChainException {
        try {
            db.setAutoCommit(false);
            long id;
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT INTO batch(chain_id, contract, root, uri, receipt_dir, state, created) VALUES (?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, chainId);
                ps.setString(2, contract.toLowerCase(java.util.Locale.ROOT));
                ps.setString(3, Hex.of(root));
                ps.setString(4, uri);
                ps.setString(5, receiptDir.toAbsolutePath().toString());
                ps.setString(6, PENDING);
                ps.setString(7, Instant.now().toString());
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    id = k.getLong(1);
                }
            }
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT INTO item(batch_id, idx, leaf, name, kind, algorithm, digest, input, size, cid) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < items.size(); i++) {
                    AnchorItem it = items.get(i);
                    ps.setLong(1, id);
                    ps.setInt(2, i);
                    ps.setString(3, Hex.of(it.leaf()));
                    ps.setString(4, it.name());
                    ps.setString(5, it.kind());
                    ps.setString(6, it.algorithm());
                    ps.setString(7, it.digestHex());
                    ps.setString(8, it.input());
                    ps.setObject(9, it.size());
                    ps.setString(10, it.cid());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            db.commit();
            return id;
        } catch (SQLException e) {
            rollback();
            throw failure(e);
        } finally {
            autoCommit();
        }
    }

    List<Batch> pending(long chainId, String contract) throws ChainException {
        return batches("SELECT * FROM batch WHERE state='" + PENDING + "' AND chain_id=? AND contract=? ORDER BY id", chainId, contract);
    }

    /** The id of the latest anchored batch holding {@code leaf} on this chain and contract, if any. */
    Optional<Long> anchoredBatchOf(byte[] leaf, long chainId, String contract) throws ChainException {
        try (PreparedStatement ps = db.prepareStatement("SELECT batch.id FROM item JOIN batch ON item.batch_id = batch.id"
                + " WHERE item.leaf=? AND batch.state='" + ANCHORED + "' AND chain_id=? AND contract=? ORDER BY batch.id DESC LIMIT 1")) {
            ps.setString(1, Hex.of(leaf));
            ps.setLong(2, chainId);
            ps.setString(3, contract.toLowerCase(java.util.Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Batch {@code id} with its items. */
    Batch batch(long id) throws ChainException {
        try (PreparedStatement ps = db.prepareStatement("SELECT chain_id, contract FROM batch WHERE id=?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return batches("SELECT * FROM batch WHERE id=" + id + " AND chain_id=? AND contract=?", rs.getLong(1), rs.getString(2))
                        .getFirst();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private List<Batch> batches(String sql, long chainId, String contract) throws ChainException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setLong(1, chainId);
            ps.setString(2, contract.toLowerCase(java.util.Locale.ROOT));
            List<Batch> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Receipt.Anchor anchor = rs.getString("tx_hash") == null || !ANCHORED.equals(rs.getString("state")) ? null
                            : new Receipt.Anchor(rs.getLong("chain_id"), rs.getString("contract"), rs.getString("tx_hash"),
                            rs.getLong("block_number"), rs.getString("block_hash"), rs.getString("block_time"), rs.getString("sender"),
                            rs.getString("uri"));
                    out.add(new Batch(rs.getLong("id"), rs.getLong("chain_id"), rs.getString("contract"), rs.getString("root"),
                            rs.getString("uri"), Path.of(rs.getString("receipt_dir")), null, anchor));
                }
            }
            List<Batch> full = new ArrayList<>(out.size());
            for (Batch b : out) {
                full.add(new Batch(b.id(), b.chainId(), b.contract(), b.root(), b.uri(), b.receiptDir(), items(b.id()), b.anchor()));
            }
            return full;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private List<AnchorItem> items(long batchId) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT * FROM item WHERE batch_id=? ORDER BY idx")) {
            ps.setLong(1, batchId);
            List<AnchorItem> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long size = rs.getLong("size");
                    Long sizeOrNull = rs.wasNull() ? null : size;
                    items.add(new AnchorItem(rs.getString("name"), rs.getString("kind"), rs.getString("algorithm"),
                            HexFormat.of().parseHex(rs.getString("digest")), rs.getString("input"), sizeOrNull, rs.getString("cid")));
                }
            }
            return items;
        }
    }

    void recordTx(long batchId, String hash, long nonce, String raw, Fees fees) throws ChainException {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO tx(hash, batch_id, nonce, raw, max_fee, priority_fee, sent, state) VALUES (?,?,?,?,?,?,?,'signed')")) {
            ps.setString(1, hash);
            ps.setLong(2, batchId);
            ps.setLong(3, nonce);
            ps.setString(4, raw);
            ps.setString(5, fees.maxFee().toString());
            ps.setString(6, fees.priorityFee().toString());
            ps.setString(7, Instant.now().toString());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    void markTx(String hash, String state) throws ChainException {
        try (PreparedStatement ps = db.prepareStatement("UPDATE tx SET state=? WHERE hash=?")) {
            ps.setString(1, state);
            ps.setString(2, hash);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The batch's most recently signed transaction that has not failed. */
    Optional<Tx> lastTx(long batchId) throws ChainException {
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT * FROM tx WHERE batch_id=? AND state <> 'failed' ORDER BY rowid DESC LIMIT 1")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Tx(rs.getString("hash"), batchId, rs.getLong("nonce"), rs.getString("raw"),
                        new Fees(new java.math.BigInteger(rs.getString("max_fee")), new java.math.BigInteger(rs.getString("priority_fee"))),
                        Instant.parse(rs.getString("sent")), rs.getString("state")));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Number of transactions signed for a batch (tests and diagnostics). */
    int txCount(long batchId) throws ChainException {
        try (PreparedStatement ps = db.prepareStatement("SELECT count(*) FROM tx WHERE batch_id=?")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    void markAnchored(long batchId, Receipt.Anchor a) throws ChainException {
        try (PreparedStatement ps = db.prepareStatement(
                "UPDATE batch SET state=?, tx_hash=?, block_number=?, block_hash=?, block_time=?, sender=? WHERE id=?")) {
            ps.setString(1, ANCHORED);
            ps.setString(2, a.txHash());
            ps.setLong(3, a.blockNumber());
            ps.setString(4, a.blockHash());
            ps.setString(5, a.blockTime());
            ps.setString(6, a.sender());
            ps.setLong(7, batchId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private ChainException failure(SQLException e) {
        return new ChainException(ENVIRONMENT, "journal error: " + e.getMessage(), e);
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the caller needs to see
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException ignored) {
            // next statement reports a broken connection
        }
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // nothing left to save: every write was committed as it happened
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // closing the channel releases the lock anyway
        }
    }
}
