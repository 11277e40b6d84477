package org.reeltrace.cli;

import picocli.AutoComplete;

/** Completion scripts generated from the command model; the checked-in copies in completions/ must equal these. */
public final class CompletionScripts {
    public enum Shell { bash, zsh }

    private CompletionScripts() {
    }

    public static String script(Shell shell) {
        String bash = AutoComplete.bash("reeltrace", Main.commandLine());
        return switch (shell) {
            case bash -> bash;
            // picocli's script carries its own zsh set-up (bashcompinit); #compdef lets zsh autoload it from fpath
            case zsh -> "#compdef reeltrace\n" + bash;
        };
    }
}
