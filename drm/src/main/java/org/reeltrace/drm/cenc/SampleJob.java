package org.reeltrace.drm.cenc;

/** One sample to transform while copying media data: where it is (input offset), its size and parameters. */
record SampleJob(long offset, int size, TrackEncryption track, SampleEncryption encryption, byte[] key) {
}
