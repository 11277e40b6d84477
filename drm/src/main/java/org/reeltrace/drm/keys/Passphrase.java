package org.reeltrace.drm.keys;

import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.DrmException.Kind;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a key file's passphrase comes from, never argv: a file (its first line), the env var
 * {@code REELTRACE_PASSPHRASE}, or a no-echo prompt (only with a console and outside CI).
 */
public final class Passphrase {
    public static final String ENV = "REELTRACE_PASSPHRASE";

    private final Path file;
    private final boolean allowPrompt;

    private Passphrase(Path file, boolean allowPrompt) {
        this.file = file;
        this.allowPrompt = allowPrompt;
    }

    /** From {@code file} if given, else the environment, else a prompt where a person can answer. */
    public static Passphrase standard(Path file) {
        return new Passphrase(file, true);
    }

    /** From {@code file} if given, else the environment; never prompts. */
    public static Passphrase noPrompt(Path file) {
        return new Passphrase(file, false);
    }

    /** A passphrase given without prompting (file or env), if any: used to decide whether to encrypt a new key. */
    public Optional<char[]> given() throws DrmException {
        if (file != null) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String line = text.lines().findFirst().orElse("");
                if (line.isEmpty()) {
                    throw new DrmException(Kind.INVALID_INPUT, "passphrase file \"" + file + "\" is empty");
                }
                return Optional.of(line.toCharArray());
            } catch (IOException e) {
                throw new DrmException(Kind.INVALID_INPUT, "cannot read passphrase file \"" + file + "\"", e);
            }
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isEmpty()) {
            return Optional.of(env.toCharArray());
        }
        return Optional.empty();
    }

    /** The passphrase to unlock {@code what}, prompting once if allowed. */
    public char[] forReading(String what) throws DrmException {
        Optional<char[]> given = given();
        if (given.isPresent()) {
            return given.get();
        }
        Console console = promptConsole();
        if (console != null) {
            char[] p = console.readPassword("passphrase for %s: ", what);
            if (p != null && p.length > 0) {
                return p;
            }
        }
        throw new DrmException(Kind.USAGE, what + " is passphrase-protected and no passphrase was given",
                "pass --passphrase-file FILE or set " + ENV, null);
    }

    /** A new passphrase for a key about to be written: given, or asked twice on a console. */
    public char[] forWriting(String what) throws DrmException {
        Optional<char[]> given = given();
        if (given.isPresent()) {
            return given.get();
        }
        Console console = promptConsole();
        if (console == null) {
            throw new DrmException(Kind.USAGE, "no passphrase to encrypt " + what + " with",
                    "pass --passphrase-file FILE or set " + ENV + " (no prompt without a terminal)", null);
        }
        char[] first = console.readPassword("new passphrase for %s: ", what);
        char[] second = console.readPassword("repeat passphrase: ");
        if (first == null || first.length == 0 || !Arrays.equals(first, second)) {
            throw new DrmException(Kind.USAGE, "the passphrases were empty or did not match");
        }
        return first;
    }

    private Console promptConsole() {
        if (!allowPrompt || System.getenv("CI") != null) {
            return null;
        }
        Console c = System.console();
        // Java 22+ returns a console even when not interactive; isTerminal() tells (reflectively: we target 21)
        if (c != null) {
            try {
                Object t = Console.class.getMethod("isTerminal").invoke(c);
                if (Boolean.FALSE.equals(t)) {
                    return null;
                }
            } catch (ReflectiveOperationException ignored) {
                // Java 21: System.console() is null without a terminal
            }
        }
        return c;
    }
}
