package org.reeltrace.completions;

import org.reeltrace.cli.CompletionScripts;
import org.reeltrace.cli.CompletionScripts.Shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the bash and zsh completion scripts generated from the command model into a directory.
 * The build writes them to target/completions; after changing commands, refresh the checked-in
 * copies with {@code ./mvnw -q -pl completions -am package -DskipTests && cp completions/target/completions/* completions/}.
 */
public final class CompletionScriptWriter {
    /** File names of the scripts, as shells look for them. */
    public static final String BASH_FILE = "reeltrace.bash";
    public static final String ZSH_FILE = "_reeltrace";

    private CompletionScriptWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(BASH_FILE), CompletionScripts.script(Shell.bash), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(ZSH_FILE), CompletionScripts.script(Shell.zsh), StandardCharsets.UTF_8);
    }
}
