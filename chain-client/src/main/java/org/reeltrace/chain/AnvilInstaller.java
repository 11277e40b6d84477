package org.reeltrace.chain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.reeltrace.chain.ChainException.Kind.ENVIRONMENT;

/**
 * Finds anvil, installing it on first use from the npm registry (the {@code @foundry-rs/anvil-*}
 * packages ship the real binary) into reeltrace's cache directory.
 */
public final class AnvilInstaller {
    /** The anvil release reeltrace is tested with. */
    public static final String VERSION = "1.7.1";

    private AnvilInstaller() {
    }

    /** env REELTRACE_ANVIL when set, else the cached binary, installed with npm when missing. */
    public static Path ensure() throws ChainException {
        String env = System.getenv("REELTRACE_ANVIL");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            if (!Files.isExecutable(p)) {
                throw new ChainException(ENVIRONMENT, "REELTRACE_ANVIL names \"" + p + "\", which is not an executable");
            }
            return p;
        }
        Path dir = ChainHome.cache().resolve("anvil");
        Path bin = dir.resolve("node_modules").resolve(packageName()).resolve("bin").resolve("anvil");
        if (Files.isExecutable(bin)) {
            return bin;
        }
        install(dir);
        if (!Files.isExecutable(bin)) {
            throw new ChainException(ENVIRONMENT, "npm installed " + packageName() + " but \"" + bin + "\" is missing");
        }
        return bin;
    }

    static String packageName() throws ChainException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String o = os.contains("linux") ? "linux" : os.contains("mac") ? "darwin" : null;
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "amd64" : arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : null;
        if (o == null || a == null) {
            throw new ChainException(ENVIRONMENT, "no anvil package for " + os + "/" + arch,
                    "install Foundry's anvil yourself and set REELTRACE_ANVIL to its path", null);
        }
        return "@foundry-rs/anvil-" + o + "-" + a;
    }

    private static void install(Path dir) throws ChainException {
        String spec = packageName() + "@" + VERSION;
        try {
            Files.createDirectories(dir);
            Path log = dir.resolve("npm-install.log");
            Process p = new ProcessBuilder(List.of("npm", "install", "--prefix", dir.toString(), "--no-save", "--no-package-lock",
                    "--no-audit", "--no-fund", spec))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new ChainException(ENVIRONMENT, "npm install " + spec + " failed (log: \"" + log + "\")",
                        "check network access to the npm registry, or set REELTRACE_ANVIL to an anvil binary", null);
            }
        } catch (IOException e) {
            throw new ChainException(ENVIRONMENT, "cannot install anvil: npm not found (" + e.getMessage() + ")",
                    "install Node.js (npm) or set REELTRACE_ANVIL to an anvil binary", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainException(ENVIRONMENT, "interrupted while installing anvil", e);
        }
    }
}
