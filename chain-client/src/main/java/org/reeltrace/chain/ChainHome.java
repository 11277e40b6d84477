package org.reeltrace.chain;

import java.nio.file.Path;

/** Where reeltrace keeps chain data (journal, dev node) and caches (the anvil binary). */
public final class ChainHome {
    private ChainHome() {
    }

    /** system property reeltrace.home, env REELTRACE_HOME, else $XDG_DATA_HOME/reeltrace, else ~/.local/share/reeltrace. */
    public static Path dir() {
        String prop = System.getProperty("reeltrace.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("REELTRACE_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "reeltrace")
                : Path.of(System.getProperty("user.home"), ".local", "share", "reeltrace");
    }

    /** env REELTRACE_CACHE, else $XDG_CACHE_HOME/reeltrace, else ~/.cache/reeltrace. */
    public static Path cache() {
        String env = System.getenv("REELTRACE_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "reeltrace")
                : Path.of(System.getProperty("user.home"), ".cache", "reeltrace");
    }
}
