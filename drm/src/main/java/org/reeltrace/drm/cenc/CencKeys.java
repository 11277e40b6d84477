package org.reeltrace.drm.cenc;

import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.DrmException.Kind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Content keys for Common Encryption: lines {@code KID:KEY} (32 hex digits each; dashes in a UUID-style
 * KID are ignored), an optional third field {@code :video}, {@code :audio} or a track ID choosing the
 * tracks a key encrypts, and {@code #} comments. From a file or the env var {@code REELTRACE_KEYS}.
 */
public final class CencKeys {
    public static final String ENV = "REELTRACE_KEYS";

    /** One key: its id, value and the tracks it is meant for ("" = any). */
    public record ContentKey(byte[] kid, byte[] key, String tracks) {
        public String kidHex() {
            return HexFormat.of().formatHex(kid);
        }
    }

    private final List<ContentKey> keys;

    private CencKeys(List<ContentKey> keys) {
        this.keys = List.copyOf(keys);
    }

    public List<ContentKey> keys() {
        return keys;
    }

    /** Keys from {@code file}, or from env REELTRACE_KEYS when {@code file} is null. */
    public static CencKeys load(Path file) throws DrmException {
        if (file != null) {
            try {
                return parse(Files.readString(file, StandardCharsets.UTF_8), "\"" + file + "\"");
            } catch (NoSuchFileException e) {
                throw new DrmException(Kind.INVALID_INPUT, "no such keys file \"" + file + "\"", e);
            } catch (IOException e) {
                throw new DrmException(Kind.INVALID_INPUT, "cannot read keys file \"" + file + "\"", e);
            }
        }
        String env = System.getenv(ENV);
        if (env == null || env.isBlank()) {
            throw new DrmException(Kind.USAGE, "no content keys given",
                    "pass --keys FILE (lines KID:KEY, 32 hex digits each) or set " + ENV, null);
        }
        return parse(env, ENV);
    }

    public static CencKeys parse(String text, String where) throws DrmException {
        List<ContentKey> out = new ArrayList<>();
        int lineNo = 0;
        for (String raw : text.split("[\\n;]")) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(":");
            if (f.length < 2 || f.length > 3) {
                throw bad(where, lineNo, "expected KID:KEY");
            }
            byte[] kid = hex16(f[0].replace("-", ""), where, lineNo, "KID");
            byte[] key = hex16(f[1], where, lineNo, "KEY");
            String tracks = f.length == 3 ? f[2].strip().toLowerCase(Locale.ROOT) : "";
            if (!tracks.isEmpty() && !tracks.equals("video") && !tracks.equals("audio") && !tracks.matches("[0-9]+")) {
                throw bad(where, lineNo, "the third field must be video, audio or a track ID");
            }
            if (out.stream().anyMatch(k -> java.util.Arrays.equals(k.kid(), kid))) {
                throw bad(where, lineNo, "KID " + f[0] + " appears twice");
            }
            out.add(new ContentKey(kid, key, tracks));
        }
        if (out.isEmpty()) {
            throw new DrmException(Kind.INVALID_INPUT, where + " holds no KID:KEY lines");
        }
        return new CencKeys(out);
    }

    public Optional<byte[]> keyFor(byte[] kid) {
        return keys.stream().filter(k -> java.util.Arrays.equals(k.kid(), kid)).map(ContentKey::key).findFirst();
    }

    /** The key that encrypts a track: one with its track ID, else its handler kind, else the first without a target. */
    public Optional<ContentKey> forTrack(int trackId, String handler) {
        String kind = handler.equals("vide") ? "video" : handler.equals("soun") ? "audio" : handler;
        return keys.stream().filter(k -> k.tracks().equals(Integer.toString(trackId))).findFirst()
                .or(() -> keys.stream().filter(k -> k.tracks().equals(kind)).findFirst())
                .or(() -> keys.stream().filter(k -> k.tracks().isEmpty()).findFirst());
    }

    private static byte[] hex16(String s, String where, int line, String what) throws DrmException {
        String h = s.strip();
        if (!h.matches("[0-9a-fA-F]{32}")) {
            throw bad(where, line, what + " must be 32 hex digits");
        }
        return HexFormat.of().parseHex(h.toLowerCase(Locale.ROOT));
    }

    private static DrmException bad(String where, int line, String why) {
        // never echo the line: it holds a key
        return new DrmException(Kind.INVALID_INPUT, where + " line " + line + ": " + why,
                "each line is KID:KEY with 32 hex digits each, e.g. 0123456789abcdef0123456789abcdef:00112233445566778899aabbccddeeff", null);
    }
}
