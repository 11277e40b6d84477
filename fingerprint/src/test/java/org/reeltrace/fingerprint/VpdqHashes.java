package org.reeltrace.fingerprint;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Meta's vPDQ per-frame hash files (frame, quality, PDQ hex, seconds): an independent ground truth. */
record VpdqHashes(List<BigInteger> hashes, List<Double> times, List<Integer> qualities) {

    static VpdqHashes read(Path file) throws IOException {
        List<BigInteger> h = new ArrayList<>();
        List<Double> t = new ArrayList<>();
        List<Integer> q = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split(",");
            if (f.length >= 4) {
                q.add(Integer.parseInt(f[1]));
                h.add(new BigInteger(f[2], 16));
                t.add(Double.parseDouble(f[3]));
            }
        }
        return new VpdqHashes(h, t, q);
    }

    static int distance(BigInteger a, BigInteger b) {
        return a.xor(b).bitCount();
    }

    /** Median (original time - copy time) over copy frames whose best original frame is within PDQ distance 31. */
    double offsetAgainst(VpdqHashes original) {
        List<Double> offsets = new ArrayList<>();
        for (int i = 0; i < hashes.size(); i += 5) {
            int best = 257;
            double bestT = 0;
            for (int j = 0; j < original.hashes.size(); j++) {
                int d = distance(hashes.get(i), original.hashes.get(j));
                if (d < best) {
                    best = d;
                    bestT = original.times.get(j);
                }
            }
            if (best <= 31) {
                offsets.add(bestT - times.get(i));
            }
        }
        offsets.sort(null);
        return offsets.isEmpty() ? Double.NaN : offsets.get(offsets.size() / 2);
    }

    /** vPDQ's own comparison: percent of the original's distinct frames matched at distance 31 (quality >= 50). */
    double vpdqPercentMatched(VpdqHashes original) {
        List<BigInteger> c = original.uniqueGood();
        List<BigInteger> qu = uniqueGood();
        int matched = 0;
        for (BigInteger x : c) {
            for (BigInteger y : qu) {
                if (distance(x, y) <= 31) {
                    matched++;
                    break;
                }
            }
        }
        return c.isEmpty() ? 0 : 100.0 * matched / c.size();
    }

    private List<BigInteger> uniqueGood() {
        List<BigInteger> out = new ArrayList<>();
        for (int i = 0; i < hashes.size(); i++) {
            if (qualities.get(i) >= 50 && !out.contains(hashes.get(i))) {
                out.add(hashes.get(i));
            }
        }
        return out;
    }
}
