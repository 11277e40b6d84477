package org.reeltrace.fingerprint;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog on a real PostgreSQL server (the shared team catalog): a throwaway cluster from the
 * machine's PostgreSQL binaries (Debian package "postgresql", installed by .ci/setup.d/fingerprint.sh),
 * on a free loopback port, removed afterwards. PostgreSQL refuses to run as root, so as root the
 * server runs as the "postgres" system user.
 */
class PostgresCatalogIT {
    private static Path dataDir;
    private static Path bin;
    private static String url;

    @BeforeAll
    static void startServer() throws Exception {
        bin = postgresBin();
        dataDir = Files.createTempDirectory("reeltrace-pg", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        if (isRoot()) {
            run("chown", "postgres:postgres", dataDir.toString());
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        asServerUser(bin.resolve("initdb").toString(), "-D", dataDir.resolve("db").toString(), "-U", "reeltrace", "-A", "trust",
                "-E", "UTF8", "--no-sync");
        asServerUser(bin.resolve("pg_ctl").toString(), "-D", dataDir.resolve("db").toString(), "-l", dataDir.resolve("log").toString(), "-w",
                "-o", "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=reeltrace";
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (dataDir == null) {
            return;
        }
        try {
            asServerUser(bin.resolve("pg_ctl").toString(), "-D", dataDir.resolve("db").toString(), "-m", "immediate", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void addIsIdempotentAndMatchFindsTheWorkOnPostgres() throws Exception {
        Fingerprint a = TestFingerprints.random(11, 300);
        Fingerprint b = TestFingerprints.random(12, 200);
        try (Catalog c = Catalog.open(url)) {
            Work wa = c.add(a, "A", "Work A", Path.of("/media/a.mp4"));
            assertEquals(wa, c.add(a, "A", "Work A", Path.of("/media/a.mp4")), "adding the same work twice returns the stored entry");
            Work wb = c.add(b, null, "Work B", null);
            assertEquals(wb, c.add(b, null, null, null));
            assertEquals(List.of(wa, wb), c.list());
        }
        try (Connection db = DriverManager.getConnection(url); Statement s = db.createStatement()) {
            assertEquals("PostgreSQL", db.getMetaData().getDatabaseProductName());
            assertEquals(2, count(s, "SELECT COUNT(*) FROM rt_work"), "no duplicate work rows");
            long keys = count(s, "SELECT COUNT(*) FROM rt_frame_key");
            assertTrue(keys > 0);
            assertEquals(keys, count(s, "SELECT COUNT(*) FROM (SELECT DISTINCT k, work_pk, frame FROM rt_frame_key) d"));
        }
        try (Catalog c = Catalog.openExisting(url)) {
            List<CatalogMatch> m = c.match(TestFingerprints.excerpt(b, 120, 135, 40, 9));
            assertEquals(1, m.size(), m.toString());
            assertEquals("Work B", m.get(0).work().title());
            Segment seg = m.get(0).segments().get(0);
            assertEquals(120.0, seg.refStart() - seg.queryStart(), 0.26);
            assertTrue(c.match(TestFingerprints.excerpt(TestFingerprints.random(13, 60), 0, 60, 0, 1)).isEmpty(),
                    "an unrelated query matches nothing");
            assertEquals(a.durationSeconds(), c.fingerprint("A").orElseThrow().durationSeconds());
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The newest PostgreSQL server binaries of the machine (Debian's layout). */
    private static Path postgresBin() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Path best = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                        .orElse(null);
                if (best != null) {
                    return best.resolve("bin");
                }
            }
        }
        throw new IllegalStateException("no PostgreSQL server under /usr/lib/postgresql: install the Debian package \"postgresql\""
                + " (.ci/setup.d/fingerprint.sh does)");
    }

    private static boolean isRoot() throws Exception {
        return "0".equals(output("id", "-u").strip());
    }

    private static void asServerUser(String... command) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (isRoot()) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(command));
        run(cmd.toArray(String[]::new));
    }

    private static void run(String... command) throws Exception {
        String out = output(command);
        if (out.startsWith("exit ")) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    /** Runs a command (cwd /tmp: the server user may not read the build directory); its output, or "exit N: output". */
    private static String output(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(Path.of("/tmp").toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "exit timeout: " + out;
        }
        return p.exitValue() == 0 ? out : "exit " + p.exitValue() + ": " + out;
    }
}
