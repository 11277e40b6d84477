package org.reeltrace.drm.cenc;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What wrap wrote: the file, its scheme, each encrypted track's KID, the manifest if asked for, how
 * many slices kept only their NAL header clear because their slice header could not be parsed, and the
 * tracks a fragmented output left out (subtitles, timed metadata: only audio and video are fragmented).
 */
public record WrapResult(Path output, Scheme scheme, List<EncryptedTrack> tracks, long samples, Optional<Path> manifest,
                         long unparsedSliceHeaders, List<String> droppedTracks) {
    /** One encrypted track. */
    public record EncryptedTrack(int trackId, String handler, String kid) {
    }
}
