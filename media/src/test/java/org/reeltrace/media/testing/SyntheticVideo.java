package org.reeltrace.media.testing;

import org.reeltrace.media.SyntheticClip;

/**
 * The test-jar's entry point for seeded synthetic clips with audio, so tests need no binary
 * fixtures: {@code SyntheticVideo.builder().seed(7).seconds(6).write(dir.resolve("a.mp4"))}.
 * The generator itself lives in media's main code because the demo uses it too.
 */
public final class SyntheticVideo extends SyntheticClip {

    private SyntheticVideo() {
    }

    public static SyntheticVideo builder() {
        return new SyntheticVideo();
    }
}
