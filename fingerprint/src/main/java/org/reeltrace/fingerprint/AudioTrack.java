package org.reeltrace.fingerprint;

/**
 * Spectral-peak landmarks: {@code hashes[i]} = anchor frequency, frequency step and time step of a
 * peak pair; {@code times[i]} = anchor time in STFT hops of {@code hopSeconds}. Sorted by time, then hash.
 */
record AudioTrack(int sampleRate, int hopSamples, int[] hashes, int[] times) {

    double hopSeconds() {
        return hopSamples / (double) sampleRate;
    }

    int size() {
        return hashes.length;
    }
}
