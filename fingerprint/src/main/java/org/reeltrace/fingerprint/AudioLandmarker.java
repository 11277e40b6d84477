package org.reeltrace.fingerprint;

import java.util.Arrays;

/**
 * Shazam-style audio landmarks: 8 kHz mono, 64 ms Hann STFT every 32 ms, log-magnitude peaks
 * that dominate their time-frequency neighbourhood, each anchor paired with a few later peaks
 * into a 21-bit hash (anchor bin, frequency step, time step). Streams: memory grows only with
 * the (small) peak list.
 */
final class AudioLandmarker {
    static final int SAMPLE_RATE = 8000;
    static final int FFT = 512;
    static final int HOP = 256;
    private static final int BINS = FFT / 2;
    private static final int MIN_BIN = 4;
    private static final int MAX_BIN = 250;
    private static final int NEIGH_F = 12;
    private static final int NEIGH_T = 6;
    private static final int PEAKS_PER_COLUMN = 3;
    private static final int FAN_OUT = 4;
    private static final int MAX_DT = 63;
    private static final int MAX_DF = 63;
    /** peaks quieter than this (log magnitude) are silence or dither */
    private static final float FLOOR = -6f;

    private final float[] window = new float[FFT];
    private final float[] re = new float[FFT];
    private final float[] im = new float[FFT];
    private final float[][] ring = new float[2 * NEIGH_T + 1][BINS];
    private final int[][] candidates = new int[2 * NEIGH_T + 1][PEAKS_PER_COLUMN];
    private int columns;
    private int[] peakTime = new int[1024];
    private int[] peakBin = new int[1024];
    private int peaks;
    private final float[] frame = new float[FFT];
    private int filled;

    AudioLandmarker() {
        for (int i = 0; i < FFT; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (FFT - 1)));
        }
    }

    /** The next {@code count} mono samples at {@link #SAMPLE_RATE}. */
    void accept(float[] samples, int count) {
        for (int i = 0; i < count; i++) {
            frame[filled++] = samples[i];
            if (filled == FFT) {
                column(frame);
                System.arraycopy(frame, HOP, frame, 0, FFT - HOP);
                filled = FFT - HOP;
            }
        }
    }

    /** The landmarks of everything accepted. */
    AudioTrack finish() {
        for (int i = 0; i < NEIGH_T; i++) {
            column(null); // flush the neighbourhood of the last real columns
        }
        return pair();
    }

    private void column(float[] samples) {
        int slot = columns % ring.length;
        float[] mag = ring[slot];
        if (samples == null) {
            Arrays.fill(mag, Float.NEGATIVE_INFINITY);
        } else {
            for (int i = 0; i < FFT; i++) {
                re[i] = samples[i] * window[i];
                im[i] = 0;
            }
            Fft.transform(re, im);
            for (int k = 0; k < BINS; k++) {
                mag[k] = (float) Math.log(re[k] * re[k] + im[k] * im[k] + 1e-9);
            }
        }
        // candidates of this column: local maxima in frequency, the strongest few
        int[] cand = candidates[slot];
        Arrays.fill(cand, -1);
        for (int k = MIN_BIN; k < MAX_BIN; k++) {
            float v = mag[k];
            if (v < FLOOR || v < mag[k - 1] || v < mag[k + 1]) {
                continue;
            }
            int weakest = 0;
            for (int c = 1; c < cand.length; c++) {
                if (cand[c] < 0 || (cand[weakest] >= 0 && mag[cand[c]] < mag[cand[weakest]])) {
                    weakest = c;
                }
            }
            if (cand[weakest] < 0 || mag[cand[weakest]] < v) {
                cand[weakest] = k;
            }
        }
        columns++;
        // the column NEIGH_T back now has its whole neighbourhood
        int centre = columns - 1 - NEIGH_T;
        if (centre < 0) {
            return;
        }
        int cslot = centre % ring.length;
        for (int k : candidates[cslot]) {
            if (k >= 0 && dominates(cslot, k)) {
                addPeak(centre, k);
            }
        }
    }

    private boolean dominates(int cslot, int k) {
        float v = ring[cslot][k];
        int from = Math.max(0, k - NEIGH_F);
        int to = Math.min(BINS - 1, k + NEIGH_F);
        for (float[] col : ring) {
            for (int f = from; f <= to; f++) {
                if (col[f] > v) {
                    return false;
                }
            }
        }
        return true;
    }

    private void addPeak(int t, int bin) {
        if (peaks == peakTime.length) {
            peakTime = Arrays.copyOf(peakTime, peaks * 2);
            peakBin = Arrays.copyOf(peakBin, peaks * 2);
        }
        peakTime[peaks] = t;
        peakBin[peaks] = bin;
        peaks++;
    }

    private AudioTrack pair() {
        long[] packed = new long[Math.max(1, peaks * FAN_OUT)];
        int n = 0;
        for (int a = 0; a < peaks; a++) {
            int made = 0;
            for (int b = a + 1; b < peaks && made < FAN_OUT; b++) {
                int dt = peakTime[b] - peakTime[a];
                if (dt > MAX_DT) {
                    break;
                }
                int df = peakBin[b] - peakBin[a];
                if (dt < 1 || Math.abs(df) > MAX_DF) {
                    continue;
                }
                int hash = (peakBin[a] << 13) | ((df + 64) << 6) | dt;
                packed[n++] = ((long) peakTime[a] << 32) | hash;
                made++;
            }
        }
        long[] sorted = Arrays.copyOf(packed, n);
        Arrays.sort(sorted);
        int[] hashes = new int[n];
        int[] times = new int[n];
        for (int i = 0; i < n; i++) {
            times[i] = (int) (sorted[i] >>> 32);
            hashes[i] = (int) sorted[i];
        }
        return new AudioTrack(SAMPLE_RATE, HOP, hashes, times);
    }
}
