package org.reeltrace.cli.release;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The release and trace workflows end to end, through the real jar as a process, on a real clip:
 * release to three recipients, leak one copy under several attacks, trace each leak to exactly
 * that recipient, and check the report renders in a real headless browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseTraceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LEAKER = "carol";

    @AfterAll
    static void stopDevNode() throws Exception {
        JarProcess.stopDevNode();
    }

    @TempDir
    static Path dir;
    Path release;
    Path catalog;
    Path watermarkKey;

    @BeforeAll
    void releaseToThreeRecipients() throws Exception {
        Path clip = Path.of(System.getProperty("reeltrace.sharedMedia", "../../shared/media"), "clips/moviepy/chaplin.mp4");
        assertTrue(Files.isRegularFile(clip), "shared clip " + clip);
        watermarkKey = dir.resolve("wm.key");
        assertEquals(0, JarProcess.reeltrace(dir, "keys", "generate", "--type", "watermark", "-o", watermarkKey.toString()).code());
        Path issuer = dir.resolve("issuer.key");
        assertEquals(0, JarProcess.reeltrace(dir, "keys", "generate", "--type", "issuer", "-o", issuer.toString()).code());
        StringBuilder csv = new StringBuilder("name,publicKey\n");
        for (String name : List.of("alice", "bob", LEAKER)) {
            Path k = dir.resolve(name + ".key");
            assertEquals(0, JarProcess.reeltrace(dir, "keys", "generate", "--type", "recipient", "-o", k.toString()).code());
            csv.append(name).append(',').append(JarProcess.reeltrace(dir, "keys", "public", k.toString()).out().strip()).append('\n');
        }
        Files.writeString(dir.resolve("recipients.csv"), csv);
        release = dir.resolve("release");
        catalog = dir.resolve("works.db");
        JarProcess r = JarProcess.reeltrace(dir, "--json", "release", clip.toString(), "--recipients", "recipients.csv",
                "--key", watermarkKey.toString(), "-o", release.toString(), "--catalog", catalog.toString(),
                "--seal", "--issuer-key", issuer.toString(), "--anchor");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(3, doc.get("copies").size());
        // one transaction for the fingerprint, three copies and three sealed envelopes
        assertTrue(doc.get("anchor").get("txHash").asString().startsWith("0x"), doc.toString());
        assertEquals(7, doc.get("anchor").get("receipts").size(), doc.toString());
        Set<String> payloads = new HashSet<>();
        for (JsonNode copy : doc.get("copies")) {
            assertTrue(Files.isRegularFile(Path.of(copy.get("file").asString())));
            assertTrue(Files.isRegularFile(Path.of(copy.get("sealedFile").asString())));
            payloads.add(copy.get("payload").asString());
        }
        assertEquals(3, payloads.size(), "each recipient has its own payload");
    }

    @Test
    void rerunningAReleaseKeepsFinishedCopies() throws Exception {
        Path clip = Path.of(System.getProperty("reeltrace.sharedMedia", "../../shared/media"), "clips/moviepy/chaplin.mp4");
        JarProcess r = JarProcess.reeltrace(dir, "--json", "release", clip.toString(), "--recipients", "recipients.csv",
                "--key", watermarkKey.toString(), "-o", release.toString(), "--catalog", catalog.toString());
        assertEquals(0, r.code(), r.err());
        for (JsonNode copy : JSON.readTree(r.out()).get("copies")) {
            assertTrue(copy.get("reused").asBoolean(), copy.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "reencode-crf28-480p | -vf scale=480:-2 -c:v libx264 -crf 28 -preset veryfast -c:a aac",
            "excerpt-6s-crop5    | -ss 2 -t 6 -vf crop=iw*0.9:ih*0.9 -c:v libx264 -crf 23 -preset veryfast -c:a aac",
    })
    void leakIsTracedToItsRecipient(String attack, String ffmpegArgs) throws Exception {
        Path leak = dir.resolve("leak-" + attack + ".mp4");
        String[] args = ("-i " + release.resolve(LEAKER + ".mp4") + " " + ffmpegArgs + " " + leak).split(" ");
        JarProcess.ffmpeg(dir, args);
        Path out = dir.resolve("trace-" + attack);
        JarProcess r = JarProcess.reeltrace(dir, "--json", "trace", leak.toString(), "--catalog", catalog.toString(),
                "--key", watermarkKey.toString(), "-o", out.toString(), "--fail-on-found", "--anchor");
        assertEquals(1, r.code(), "--fail-on-found exits 1 when a recipient is named: " + r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(LEAKER, doc.get("recipient").get("name").asString(), doc.toString());
        // the release's receipts for the leaker's copy and envelope verify on chain
        assertEquals(2, doc.get("anchors").size(), doc.toString());
        for (JsonNode anchor : doc.get("anchors")) {
            assertTrue(anchor.get("valid").asBoolean(), anchor.toString());
        }
        // the evidence bundle itself is anchored
        assertTrue(doc.get("evidenceAnchor").get("txHash").asString().startsWith("0x"), doc.toString());
        assertTrue(Files.isRegularFile(out.resolve("receipts/evidence.json.receipt.json")));
        assertFalse(doc.get("segments").isEmpty());
        Path report = Path.of(doc.get("report").asString());
        String html = Files.readString(report);
        assertTrue(html.contains("data:image/png;base64,"), "report embeds the matched frames");
        assertTrue(html.contains(LEAKER));
        assertTrue(Files.isRegularFile(out.resolve("evidence.json")));
        assertRendersInABrowser(report, dir.resolve("report-" + attack + ".png"));
    }

    @Test
    void unmarkedCopyNamesNobody() throws Exception {
        Path clip = Path.of(System.getProperty("reeltrace.sharedMedia", "../../shared/media"), "clips/moviepy/chaplin.mp4");
        Path out = dir.resolve("trace-original");
        JarProcess r = JarProcess.reeltrace(dir, "--json", "trace", clip.toString(), "--catalog", catalog.toString(),
                "--key", watermarkKey.toString(), "-o", out.toString(), "--fail-on-found");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertTrue(doc.get("recipient").isNull(), doc.toString());
        assertNotNull(doc.get("work"));
    }

    /** Debian chromium renders the report headless; the screenshot must show more than a blank page. */
    static void assertRendersInABrowser(Path report, Path png) throws Exception {
        boolean haveChromium = Files.isExecutable(Path.of("/usr/bin/chromium"));
        if (!haveChromium) {
            assertFalse("true".equals(System.getenv("CI")), "CI must have chromium (.ci/setup.d installs it)");
            assumeTrue(false, "no chromium on this machine");
        }
        Path profile = Files.createTempDirectory("rt-chromium");
        JarProcess r = JarProcess.run(report.getParent(), List.of("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1200,1600", "--screenshot=" + png, report.toUri().toString()));
        assertTrue(Files.isRegularFile(png), "chromium wrote a screenshot: " + r.err());
        BufferedImage shot = ImageIO.read(png.toFile());
        Set<Integer> colours = new HashSet<>();
        long nonWhite = 0;
        for (int y = 0; y < shot.getHeight(); y += 3) {
            for (int x = 0; x < shot.getWidth(); x += 3) {
                int rgb = shot.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (rgb != 0xffffff) {
                    nonWhite++;
                }
            }
        }
        assertTrue(colours.size() > 200, "the report renders text and pictures, not a blank page: " + colours.size() + " colours");
        assertTrue(nonWhite > 5000, "enough drawn pixels: " + nonWhite);
    }
}
