package org.reeltrace.completions;

import org.junit.jupiter.api.Test;
import org.reeltrace.cli.CompletionScripts;
import org.reeltrace.cli.CompletionScripts.Shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompletionScriptsTest {
    private static final String REFRESH = "completion scripts are stale: refresh them with "
            + "'./mvnw -q -pl completions -am package -DskipTests && cp completions/target/completions/* completions/'";

    private static Path checkedIn(String name) {
        return Path.of(System.getProperty("completions.checkedIn", ".")).resolve(name);
    }

    @Test
    void checkedInBashScriptMatchesTheCommandModel() throws IOException {
        assertEquals(CompletionScripts.script(Shell.bash), Files.readString(checkedIn(CompletionScriptWriter.BASH_FILE)), REFRESH);
    }

    @Test
    void checkedInZshScriptMatchesTheCommandModel() throws IOException {
        assertEquals(CompletionScripts.script(Shell.zsh), Files.readString(checkedIn(CompletionScriptWriter.ZSH_FILE)), REFRESH);
    }

    @Test
    void buildGeneratedTheSameScripts() throws IOException {
        Path generated = Path.of(System.getProperty("completions.generated", "target/completions"));
        assertEquals(Files.readString(generated.resolve(CompletionScriptWriter.BASH_FILE)),
                Files.readString(checkedIn(CompletionScriptWriter.BASH_FILE)), REFRESH);
    }

    @Test
    void scriptsCompleteEveryGroupAndTypedValues() {
        String bash = CompletionScripts.script(Shell.bash);
        for (String group : new String[] {"keys", "fingerprint", "watermark", "drm", "chain", "cid", "release", "trace", "demo", "completion"}) {
            assertTrue(bash.contains(group), group);
        }
        // enum-typed options complete their values
        assertTrue(bash.contains("(\"watermark\" \"issuer\" \"recipient\")"), "key types complete");
        assertTrue(bash.contains("(\"cenc\" \"cbcs\")"), "schemes complete");
        assertTrue(bash.contains("compgen -f"), "paths complete as files");
        assertTrue(CompletionScripts.script(Shell.zsh).startsWith("#compdef reeltrace\n"));
    }
}
