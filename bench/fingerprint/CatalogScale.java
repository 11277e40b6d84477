import org.reeltrace.fingerprint.Catalog;
import org.reeltrace.fingerprint.CatalogMatch;
import org.reeltrace.fingerprint.Fingerprint;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Catalog scale: fills a SQLite catalog with synthetic one-hour works (random frame hashes and
 * landmarks, written byte by byte from docs/spec/rtfp-v1.md and parsed by Fingerprint.decode),
 * and at each checkpoint (hours) times `match` of a 60 s excerpt of a catalogued work (30 of 256
 * bits flipped per frame) and reports catalog bytes per hour.
 *   java -cp cli/target/reeltrace.jar bench/fingerprint/CatalogScale.java DB HOURS...
 */
public class CatalogScale {
    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        Files.deleteIfExists(db);
        System.out.println("| catalogued hours | works | catalog bytes | bytes per hour | match 60 s query: median wall ms | median CPU ms (5 runs) | found at right offset |");
        System.out.println("|---|---|---|---|---|---|---|");
        int works = 0;
        try (Catalog catalog = Catalog.open(db.toString())) {
            for (int a = 1; a < args.length; a++) {
                int hours = Integer.parseInt(args[a]);
                while (works < hours) {
                    catalog.add(Fingerprint.decode(work(works, 3600)), "work-" + works, null, null);
                    works++;
                }
                int target = works / 2;
                Fingerprint query = Fingerprint.decode(excerpt(target, 3600, 1200, 60, 30));
                long[] ms = new long[5];
                long[] cpu = new long[5];
                List<CatalogMatch> m = null;
                java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
                for (int r = 0; r < ms.length; r++) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    m = catalog.match(query);
                    ms[r] = (System.nanoTime() - t0) / 1_000_000;
                    cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
                }
                Arrays.sort(ms);
                Arrays.sort(cpu);
                boolean ok = !m.isEmpty() && m.get(0).work().workId().equals("work-" + target)
                        && Math.abs(m.get(0).segments().get(0).refStart() - m.get(0).segments().get(0).queryStart() - 1200) <= 0.5;
                long bytes = Files.size(db);
                System.out.printf("| %d | %d | %d | %d | %d | %d | %s |%n", hours, works, bytes, bytes / hours, ms[2], cpu[2], ok ? "yes" : "NO " + m);
            }
        }
    }

    static final int STEP_MS = 250, STRIDE = 2, REGIONS = 6, RATE = 8000, HOP = 256;

    /** Frames and landmarks of synthetic work {@code id}: random, reproducible from the id. */
    static long[][] frames(int id, double seconds) {
        SplittableRandom r = new SplittableRandom(id * 7919L + 1);
        int n = (int) (seconds * 1000 / STEP_MS);
        long[][] f = new long[n][8]; // whole hash (4 longs), mirror hash (4 longs)
        for (long[] x : f) {
            for (int w = 0; w < 8; w++) {
                x[w] = r.nextLong();
            }
        }
        return f;
    }

    static byte[] work(int id, double seconds) throws Exception {
        long[][] f = frames(id, seconds);
        SplittableRandom r = new SplittableRandom(id * 31L + 5);
        int hops = (int) (seconds * RATE / HOP);
        long[] lm = new long[hops * 40 * HOP / RATE]; // 40 landmarks a second
        for (int i = 0; i < lm.length; i++) {
            lm[i] = ((long) r.nextInt(hops) << 32) | r.nextInt(1 << 21);
        }
        Arrays.sort(lm);
        return encode(seconds, f, 0, f.length, 0, r, lm);
    }

    /** seconds [from, from+len) of work {@code id}, {@code flips} bits flipped per whole hash; no audio. */
    static byte[] excerpt(int id, double seconds, int from, int len, int flips) throws Exception {
        long[][] f = frames(id, seconds);
        SplittableRandom r = new SplittableRandom(99);
        int a = from * 1000 / STEP_MS;
        int b = (from + len) * 1000 / STEP_MS;
        for (int i = a; i < b; i++) {
            for (int k = 0; k < flips; k++) {
                int bit = r.nextInt(256);
                f[i][bit / 64] ^= 1L << (bit % 64);
            }
        }
        return encode(len, f, a, b, 1, r, new long[0]);
    }

    static byte[] encode(double seconds, long[][] f, int a, int b, int salt, SplittableRandom r, long[] landmarks) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(bytes);
        o.write(new byte[] {'R', 'T', 'F', 'P', 1, (byte) (landmarks.length > 0 ? 3 : 1), 0, 0});
        o.writeLong(Math.round(seconds * 1e6));
        byte[] sha = new byte[32];
        new SplittableRandom(Arrays.hashCode(f[a]) + salt).nextBytes(sha);
        o.write(sha);
        o.writeShort(0); o.writeShort(0); o.writeShort(10000); o.writeShort(10000);
        int n = b - a;
        o.writeShort(STEP_MS); o.writeByte(STRIDE); o.writeByte(REGIONS); o.writeInt(n);
        for (int i = a; i < b; i++) {
            o.writeByte(100);
            for (int w = 3; w >= 0; w--) {
                o.writeLong(f[i][w]);
            }
            for (int w = 7; w >= 4; w--) {
                o.writeLong(f[i][w]);
            }
        }
        for (int k = 0; k < (n + STRIDE - 1) / STRIDE * REGIONS; k++) {
            o.writeByte(100);
            for (int w = 0; w < 4; w++) {
                o.writeLong(r.nextLong());
            }
        }
        if (landmarks.length > 0) {
            o.writeShort(RATE); o.writeShort(HOP); o.writeInt(landmarks.length);
            for (long l : landmarks) {
                o.writeInt((int) (l >>> 32));
                o.writeInt((int) l);
            }
        }
        o.flush();
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update("reeltrace.rtfp.v1".getBytes(StandardCharsets.US_ASCII));
        md.update(bytes.toByteArray());
        o.write(md.digest());
        return bytes.toByteArray();
    }
}
