package org.reeltrace.drm.cenc;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What wrap wrote: the file, its scheme, each encrypted track's KID, and the manifest if asked for. */
public record WrapResult(Path output, Scheme scheme, List<EncryptedTrack> tracks, long samples, Optional<Path> manifest) {
    /** One encrypted track. */
    public record EncryptedTrack(int trackId, String handler, String kid) {
    }
}
