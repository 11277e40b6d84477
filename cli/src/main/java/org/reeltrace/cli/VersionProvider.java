package org.reeltrace.cli;

import picocli.CommandLine.IVersionProvider;

/** Plain-text version for --version; Main prints JSON instead when --json is also given. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        VersionInfo v = VersionInfo.current();
        return new String[] {"reeltrace " + v.version() + " (commit " + v.commit() + ")"};
    }
}
