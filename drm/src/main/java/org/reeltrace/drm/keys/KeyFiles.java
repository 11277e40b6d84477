package org.reeltrace.drm.keys;

import org.reeltrace.drm.DrmException;
import org.reeltrace.drm.DrmException.Kind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Key files of every kind (docs/spec/keys-v1.md): comment lines starting with {@code #} and exactly
 * one key line. Private files are written 0600 and refused when group or others can read them.
 */
public final class KeyFiles {
    private static final long MAX_KEY_FILE = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFiles() {
    }

    /** What {@link #generate} wrote. */
    public record GeneratedKey(KeyKind kind, Path file, Optional<String> publicKey, boolean encrypted) {
    }

    // ---- reading ----

    /** The 32-byte watermark key in {@code file}; an encrypted file takes its passphrase from env or a prompt. */
    public static byte[] readWatermarkKey(Path file) throws DrmException {
        return readWatermarkKey(file, Passphrase.standard(null));
    }

    public static byte[] readWatermarkKey(Path file, Passphrase passphrase) throws DrmException {
        return readSecret(file, KeyKind.WATERMARK_SECRET, passphrase);
    }

    public static IssuerKey readIssuerKey(Path file) throws DrmException {
        return readIssuerKey(file, Passphrase.standard(null));
    }

    public static IssuerKey readIssuerKey(Path file, Passphrase passphrase) throws DrmException {
        return new IssuerKey(readSecret(file, KeyKind.ISSUER_SECRET, passphrase));
    }

    public static RecipientKey readRecipientKey(Path file) throws DrmException {
        return readRecipientKey(file, Passphrase.standard(null));
    }

    public static RecipientKey readRecipientKey(Path file, Passphrase passphrase) throws DrmException {
        return new RecipientKey(readSecret(file, KeyKind.RECIPIENT_SECRET, passphrase));
    }

    /** A recipient public key given as its text or as a file holding it. */
    public static RecipientPublicKey recipientPublicKey(String textOrFile) throws DrmException {
        return RecipientPublicKey.parse(publicText(textOrFile));
    }

    /** An issuer public key given as its text or as a file holding it. */
    public static IssuerPublicKey issuerPublicKey(String textOrFile) throws DrmException {
        return IssuerPublicKey.parse(publicText(textOrFile));
    }

    /** The kind of key a file holds (read without passphrase or permission checks; nothing secret is returned). */
    public static KeyKind kindOf(Path file) throws DrmException {
        return KeyText.parse(keyLine(file), quoted(file)).kind();
    }

    /** The shareable one-line public key of an issuer or recipient private key file. */
    public static String publicKeyText(Path file, Passphrase passphrase) throws DrmException {
        KeyKind kind = kindOf(file);
        return switch (kind) {
            case ISSUER_SECRET -> readIssuerKey(file, passphrase).publicKey().text();
            case RECIPIENT_SECRET -> readRecipientKey(file, passphrase).publicKey().text();
            case ISSUER_PUBLIC, RECIPIENT_PUBLIC -> keyLine(file);
            case WATERMARK_SECRET -> throw new DrmException(Kind.INVALID_INPUT, quoted(file)
                    + " is a watermark key, which is secret and has no public part",
                    "only issuer and recipient keys have a public key to share", null);
        };
    }

    // ---- writing ----

    /** Generates a fresh key of the secret {@code kind} into {@code file} (0600), encrypted when a passphrase is given. */
    public static GeneratedKey generate(KeyKind kind, Path file, Optional<char[]> passphrase) throws DrmException {
        return switch (kind) {
            case WATERMARK_SECRET -> {
                byte[] k = new byte[32];
                RANDOM.nextBytes(k);
                writeWatermarkKey(file, k, passphrase);
                yield new GeneratedKey(kind, file, Optional.empty(), passphrase.isPresent());
            }
            case ISSUER_SECRET -> {
                IssuerKey k = IssuerKey.generate(RANDOM);
                writeIssuerKey(file, k, passphrase);
                yield new GeneratedKey(kind, file, Optional.of(k.publicKey().text()), passphrase.isPresent());
            }
            case RECIPIENT_SECRET -> {
                RecipientKey k = RecipientKey.generate(RANDOM);
                writeRecipientKey(file, k, passphrase);
                yield new GeneratedKey(kind, file, Optional.of(k.publicKey().text()), passphrase.isPresent());
            }
            default -> throw new DrmException(Kind.USAGE, "cannot generate a " + kind.description()
                    + " on its own", "generate the private key; 'keys public' prints its public part", null);
        };
    }

    public static void writeWatermarkKey(Path file, byte[] key, Optional<char[]> passphrase) throws DrmException {
        if (key.length != 32) {
            throw new IllegalArgumentException("a watermark key has 32 bytes");
        }
        writeSecret(file, KeyKind.WATERMARK_SECRET, key, null, passphrase);
    }

    public static void writeIssuerKey(Path file, IssuerKey key, Optional<char[]> passphrase) throws DrmException {
        writeSecret(file, KeyKind.ISSUER_SECRET, key.seed(), key.publicKey().text(), passphrase);
    }

    public static void writeRecipientKey(Path file, RecipientKey key, Optional<char[]> passphrase) throws DrmException {
        writeSecret(file, KeyKind.RECIPIENT_SECRET, key.scalar(), key.publicKey().text(), passphrase);
    }

    private static void writeSecret(Path file, KeyKind kind, byte[] key, String publicText, Optional<char[]> passphrase)
            throws DrmException {
        String line = passphrase.isPresent()
                ? KeyText.encodeEncrypted(kind, KeyProtection.protect(kind, key, passphrase.get(), RANDOM))
                : KeyText.encode(kind, key);
        StringBuilder text = new StringBuilder();
        text.append("# reeltrace ").append(kind.description()).append(", keys-v1; keep secret\n");
        text.append("# created: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        if (publicText != null) {
            text.append("# public key: ").append(publicText).append('\n');
        }
        text.append(line).append('\n');
        writePrivate(file, text.toString());
    }

    private static void writePrivate(Path file, String text) throws DrmException {
        Path abs = file.toAbsolutePath();
        if (Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new DrmException(Kind.USAGE, "will not overwrite the existing file " + quoted(file),
                    "a key file may hold the only copy of a key: move it away or choose another name", null);
        }
        Path tmp = null;
        try {
            Path dir = abs.getParent();
            if (posix(dir)) {
                tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            }
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (FileAlreadyExistsException e) {
            throw new DrmException(Kind.USAGE, "will not overwrite the existing file " + quoted(file));
        } catch (IOException e) {
            throw new DrmException(Kind.ENVIRONMENT, "cannot write key file " + quoted(file) + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temp file holds at most an unfinished key
                }
            }
        }
    }

    // ---- internals ----

    private static byte[] readSecret(Path file, KeyKind expected, Passphrase passphrase) throws DrmException {
        String line = keyLine(file);
        KeyText.Parsed p = KeyText.parse(line, quoted(file));
        KeyText.requireKind(p, expected, quoted(file));
        requirePrivatePermissions(file);
        if (!p.encrypted()) {
            return p.body();
        }
        char[] pass = passphrase.forReading(quoted(file));
        return KeyProtection.unprotect(expected, p.body(), pass, quoted(file));
    }

    private static void requirePrivatePermissions(Path file) throws DrmException {
        try {
            if (!posix(file)) {
                return;
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            for (PosixFilePermission p : List.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE)) {
                if (perms.contains(p)) {
                    throw new DrmException(Kind.INVALID_INPUT, "private key file " + quoted(file)
                            + " can be read or changed by other users (mode " + PosixFilePermissions.toString(perms) + ")",
                            "run: chmod 600 \"" + file + "\"", null);
                }
            }
        } catch (IOException e) {
            throw new DrmException(Kind.INVALID_INPUT, "cannot read permissions of " + quoted(file), e);
        }
    }

    private static String keyLine(Path file) throws DrmException {
        String text;
        try {
            if (Files.size(file) > MAX_KEY_FILE) {
                throw new DrmException(Kind.INVALID_INPUT, quoted(file) + " is too large to be a key file");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DrmException(Kind.INVALID_INPUT, "no such key file " + quoted(file), e);
        } catch (AccessDeniedException e) {
            throw new DrmException(Kind.INVALID_INPUT, "permission denied reading key file " + quoted(file), e);
        } catch (IOException e) {
            throw new DrmException(Kind.INVALID_INPUT, "cannot read key file " + quoted(file) + " (not a text key file?)", e);
        }
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (lines.size() != 1) {
            throw new DrmException(Kind.INVALID_INPUT, quoted(file) + " is not a reeltrace key file (expected one key line, found "
                    + lines.size() + ")", "make keys with 'reeltrace keys generate'", null);
        }
        return lines.get(0);
    }

    private static String publicText(String textOrFile) throws DrmException {
        String s = textOrFile.strip();
        if (s.startsWith(KeyText.VERSION + "-")) {
            return s;
        }
        Path p = Path.of(s);
        if (Files.isRegularFile(p)) {
            return keyLine(p);
        }
        throw new DrmException(Kind.INVALID_INPUT, "\"" + IssuerPublicKey.abbreviate(s) + "\" is neither a public key nor a file",
                "give the line 'reeltrace keys public' printed, or a file holding it", null);
    }

    private static boolean posix(Path p) {
        return Files.getFileAttributeView(p, PosixFileAttributeView.class) != null;
    }

    static String quoted(Path file) {
        return "\"" + file + "\"";
    }
}
