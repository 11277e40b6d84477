package org.reeltrace.drm.seal;

import java.nio.file.Path;

/** What sealing or opening produced: the file written and the licence it is bound to. */
public record SealResult(Path output, Licence licence) {
    public String licenceId() {
        return licence.idHex();
    }

    public String contentSha256() {
        return licence.contentSha256Hex();
    }
}
