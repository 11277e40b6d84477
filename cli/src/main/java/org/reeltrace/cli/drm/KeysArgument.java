package org.reeltrace.cli.drm;

import org.reeltrace.cli.UsageException;
import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.cenc.CencKeys;

import java.nio.file.Path;

/** The --keys option: a file of KID:KEY lines or env REELTRACE_KEYS; a key typed on the command line is refused. */
final class KeysArgument {
    private KeysArgument() {
    }

    static CencKeys load(String keys) throws DrmException {
        if (keys != null && keys.matches("(?s).*[0-9a-fA-F-]{32,36}\\s*:\\s*[0-9a-fA-F]{32}.*")) {
            throw new UsageException("content keys are not accepted on the command line (they end up in shell history and ps)",
                    "put KID:KEY lines in a file (chmod 600) and pass --keys FILE, or set " + CencKeys.ENV);
        }
        return CencKeys.load(keys == null ? null : Path.of(keys));
    }
}
