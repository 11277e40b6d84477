package org.reeltrace.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every command accepts; mixed into the root and inherited by every subcommand. */
public final class GlobalOptions {

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print exactly one JSON document on stdout, nothing else.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "No human chatter on stderr (errors are still printed).")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "More detail; stack traces on unexpected errors.")
    boolean verbose;

    @Option(names = "--no-progress", scope = ScopeType.INHERIT,
            description = "Never draw progress bars (they are drawn only on a terminal anyway).")
    boolean noProgress;

    @Option(names = "--version", versionHelp = true, scope = ScopeType.INHERIT,
            description = "Print version and git commit (JSON with --json).")
    boolean version;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Show this help.")
    boolean help;

    public boolean json() {
        return json;
    }

    public boolean quiet() {
        return quiet;
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean noProgress() {
        return noProgress;
    }
}
