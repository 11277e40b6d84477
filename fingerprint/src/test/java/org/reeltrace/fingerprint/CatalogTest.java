package org.reeltrace.fingerprint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogTest {
    @TempDir
    Path dir;

    @Test
    void addIsIdempotentAndMatchFindsTheWorkAndOffset() throws Exception {
        String db = dir.resolve("c.db").toString();
        Fingerprint a = TestFingerprints.random(1, 300);
        Fingerprint b = TestFingerprints.random(2, 200);
        try (Catalog c = Catalog.open(db)) {
            Work wa = c.add(a, "A", "Work A", Path.of("/media/a.mp4"));
            assertEquals(wa, c.add(a, "A", "Work A", Path.of("/media/a.mp4")));
            Work wb = c.add(b, null, null, null);
            assertEquals(wb, c.add(b, null, "other title", null), "same source without id: the existing entry");
            assertEquals(List.of(wa, wb), c.list());
            assertEquals("/media/a.mp4", wa.sourcePath());
            assertTrue(wb.workId().startsWith("w-"));
        }
        try (Catalog c = Catalog.open(db)) {
            List<CatalogMatch> m = c.match(TestFingerprints.excerpt(b, 120, 135, 40, 9));
            assertEquals(1, m.size(), m.toString());
            assertEquals(c.list().get(1), m.get(0).work());
            Segment s = m.get(0).segments().get(0);
            assertEquals(120.0, s.refStart() - s.queryStart(), 0.26);
            assertTrue(c.match(TestFingerprints.excerpt(TestFingerprints.random(3, 60), 0, 60, 0, 1)).isEmpty());
            assertEquals(a.durationSeconds(), c.fingerprint("A").orElseThrow().durationSeconds());
        }
    }

    @Test
    void anAddThatFailsHalfWayLeavesNoTrace() throws Exception {
        String db = dir.resolve("c.db").toString();
        try (Catalog c = Catalog.open(db)) {
            c.add(TestFingerprints.random(1, 120), "A", "Work A", null);
        }
        long[] before = rowCounts(db);
        // the audio keys are written after the work row and its frame keys: fail there, as a crash would
        try (java.sql.Connection jdbc = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement st = jdbc.createStatement()) {
            st.execute("CREATE TRIGGER boom BEFORE INSERT ON rt_audio_key BEGIN SELECT RAISE(ABORT, 'disk gone'); END");
        }
        try (Catalog c = Catalog.open(db)) {
            org.junit.jupiter.api.Assertions.assertThrows(FingerprintException.class,
                    () -> c.add(TestFingerprints.random(2, 120), "B", "Work B", null));
            assertEquals(1, c.list().size());
        }
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(rowCounts(db)),
                "rt_work, rt_frame_key, rt_audio_key rows after the failed add");
    }

    private static long[] rowCounts(String db) throws Exception {
        try (java.sql.Connection jdbc = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement st = jdbc.createStatement()) {
            long[] n = new long[3];
            String[] tables = {"rt_work", "rt_frame_key", "rt_audio_key"};
            for (int i = 0; i < 3; i++) {
                try (java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + tables[i])) {
                    rs.next();
                    n[i] = rs.getLong(1);
                }
            }
            return n;
        }
    }

    @Test
    void aWorkIdNamesOneSource() throws Exception {
        try (Catalog c = Catalog.open(dir.resolve("c.db").toString())) {
            c.add(TestFingerprints.random(1, 30), "X", null, null);
            FingerprintException e = assertThrows(FingerprintException.class, () -> c.add(TestFingerprints.random(2, 30), "X", null, null));
            assertEquals(FingerprintException.Kind.INVALID_INPUT, e.kind());
            assertEquals(1, c.list().size(), "the failed add left nothing behind");
        }
    }

    @Test
    void releasedCopies() throws Exception {
        try (Catalog c = Catalog.open(dir.resolve("c.db").toString())) {
            c.add(TestFingerprints.random(1, 30), "W", "t", null);
            Instant when = Instant.parse("2026-11-21T06:00:00Z");
            long big = 0xF000_0000_0000_0001L; // unsigned 64-bit payloads above Long.MAX_VALUE survive
            c.recordCopy("W", "alice", big, when, "ab".repeat(32), "out/alice.mp4");
            c.recordCopy("W", "bob", 2, when, null, null);
            c.recordCopy("W", "alice", big, when, "ab".repeat(32), "out/alice.mp4");
            assertEquals("alice", c.findCopy("W", big).orElseThrow().recipient());
            assertEquals(big, c.findCopy("W", big).orElseThrow().payload());
            assertTrue(c.findCopy("W", 3).isEmpty());
            assertEquals(2, c.copies("W").size());
            assertEquals(FingerprintException.Kind.INVALID_INPUT,
                    assertThrows(FingerprintException.class, () -> c.recordCopy("W", "mallory", 2, when, null, null)).kind());
            assertEquals(FingerprintException.Kind.INVALID_INPUT,
                    assertThrows(FingerprintException.class, () -> c.recordCopy("nope", "x", 9, when, null, null)).kind());
        }
    }

    @Test
    void notACatalogIsInvalidInput() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.db"), "this is not sqlite, it is a text file of some length ".repeat(20));
        FingerprintException e = assertThrows(FingerprintException.class, () -> Catalog.open(junk.toString()));
        assertEquals(FingerprintException.Kind.INVALID_INPUT, e.kind());
        assertTrue(e.getMessage().contains(junk.toString()), e.getMessage());
        assertEquals(FingerprintException.Kind.INVALID_INPUT,
                assertThrows(FingerprintException.class, () -> Catalog.open(dir.resolve("no/such/dir/c.db").toString())).kind());
    }

    @Test
    void jdbcUrlsWork() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("u.db");
        try (Catalog c = Catalog.open(url)) {
            c.add(TestFingerprints.random(4, 20), "U", null, null);
        }
        try (Catalog c = Catalog.open(url)) {
            assertEquals(1, c.list().size());
        }
        assertEquals(FingerprintException.Kind.ENVIRONMENT,
                assertThrows(FingerprintException.class, () -> Catalog.open("jdbc:nosuchdb://host/x")).kind());
    }
}
