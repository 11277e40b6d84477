package org.reeltrace.fingerprint;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Fingerprints made of seeded random hashes, for tests that need no decoding. */
final class TestFingerprints {
    private TestFingerprints() {
    }

    /** A work of {@code seconds} with independent random frame hashes (every frame informative) and landmarks. */
    static Fingerprint random(long seed, double seconds) {
        SplittableRandom r = new SplittableRandom(seed);
        int frames = (int) Math.round(seconds / VideoHasher.GRID_STEP);
        VideoTrack v = new VideoTrack(VideoHasher.GRID_STEP, VideoHasher.REGION_STRIDE, frames);
        for (int i = 0; i < frames; i++) {
            int f = v.append();
            v.quality[f] = (byte) 100;
            for (int w = 0; w < Hashes.LONGS; w++) {
                v.full[f * Hashes.LONGS + w] = r.nextLong();
                v.flip[f * Hashes.LONGS + w] = r.nextLong();
            }
        }
        v.trim();
        for (int k = 0; k < v.regionQuality.length; k++) {
            v.regionQuality[k] = (byte) 100;
            for (int w = 0; w < Hashes.LONGS; w++) {
                v.regions[k * Hashes.LONGS + w] = r.nextLong();
            }
        }
        int hops = (int) (seconds * AudioLandmarker.SAMPLE_RATE / AudioLandmarker.HOP);
        int n = hops * 2;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) r.nextInt(hops) << 32) | r.nextInt(1 << 21);
        }
        Arrays.sort(packed);
        int[] times = new int[n];
        int[] hashes = new int[n];
        for (int i = 0; i < n; i++) {
            times[i] = (int) (packed[i] >>> 32);
            hashes[i] = (int) packed[i];
        }
        byte[] sha = new byte[32];
        r.nextBytes(sha);
        return new Fingerprint(seconds, sha, new int[] {0, 0, 10000, 10000}, 0, v,
                new AudioTrack(AudioLandmarker.SAMPLE_RATE, AudioLandmarker.HOP, hashes, times));
    }

    /** Frames [from, to) seconds of {@code fp}'s video, each hash with {@code flips} random bits flipped; no audio. */
    static Fingerprint excerpt(Fingerprint fp, double from, double to, int flips, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        VideoTrack src = fp.video;
        int a = (int) Math.round(from / src.gridStep);
        int b = (int) Math.round(to / src.gridStep);
        VideoTrack v = new VideoTrack(src.gridStep, src.regionStride, b - a);
        for (int i = a; i < b; i++) {
            int f = v.append();
            v.quality[f] = src.quality[i];
            System.arraycopy(src.full, i * Hashes.LONGS, v.full, f * Hashes.LONGS, Hashes.LONGS);
            System.arraycopy(src.flip, i * Hashes.LONGS, v.flip, f * Hashes.LONGS, Hashes.LONGS);
            for (int k = 0; k < flips; k++) {
                int bit = r.nextInt(Hashes.BITS);
                v.full[f * Hashes.LONGS + bit / 64] ^= 1L << (bit % 64);
            }
        }
        v.trim();
        // region hashes stay unrelated: only the whole-picture evidence should find the excerpt
        for (int k = 0; k < v.regionQuality.length; k++) {
            v.regionQuality[k] = (byte) 100;
            for (int w = 0; w < Hashes.LONGS; w++) {
                v.regions[k * Hashes.LONGS + w] = r.nextLong();
            }
        }
        byte[] sha = new byte[32];
        r.nextBytes(sha);
        return new Fingerprint(b * src.gridStep - a * src.gridStep, sha, new int[] {0, 0, 10000, 10000}, 0, v, null);
    }
}
