package org.reeltrace.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** reeltrace's version and the git commit it was built from, read from resources written at build time. */
public record VersionInfo(String version, String commit) {

    public static VersionInfo current() {
        Properties version = load("/reeltrace-version.properties");
        Properties git = load("/reeltrace-git.properties");
        String commit = git.getProperty("git.commit.id", "unknown");
        if ("true".equals(git.getProperty("git.dirty"))) {
            commit += "-dirty";
        }
        return new VersionInfo(version.getProperty("version", "unknown"), commit);
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // a build without the file still runs; it says "unknown"
        }
        return p;
    }
}
