package org.reeltrace.chain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One thing to anchor: a digest of {@code kind} (for files, SHA-256 of the bytes), how it was
 * computed, and, for files, the size and IPFS CID recorded beside it.
 *
 * @param name   what the receipt calls the item (a file name, a work id); not hashed
 * @param kind   anchor-v1 kind label, hashed into the leaf ("file", "fingerprint", "licence", ...)
 * @param algorithm digest algorithm label, hashed into the leaf ("sha-256", "keccak-256", ...)
 * @param digest the digest bytes
 * @param input  how the digest was computed, for people ("sha-256 of the file's bytes")
 * @param size   byte size for files, else null
 * @param cid    IPFS CIDv1 for files, else null
 */
public record AnchorItem(String name, String kind, String algorithm, byte[] digest, String input, Long size, String cid) {
    public static final String FILE_KIND = "file";
    public static final String SHA256 = "sha-256";
    static final String FILE_INPUT = "sha-256 of the file's bytes";

    public AnchorItem {
        digest = digest.clone();
        AnchorLeaf.preimage(kind, algorithm, digest); // rejects labels and digests anchor-v1 cannot encode
    }

    /** A file: SHA-256 and CID computed in one pass over its bytes. */
    public static AnchorItem ofFile(Path file) throws ChainException {
        try (InputStream raw = Files.newInputStream(file);
             DigestInputStream in = new DigestInputStream(raw, MessageDigest.getInstance("SHA-256"))) {
            String cid = Cid.of(in);
            long size = Files.size(file);
            return new AnchorItem(file.getFileName().toString(), FILE_KIND, SHA256, in.getMessageDigest().digest(),
                    FILE_INPUT, size, cid);
        } catch (IOException e) {
            throw new ChainException(ChainException.Kind.INVALID_INPUT, "cannot read \"" + file + "\": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A digest computed elsewhere (a fingerprint, a licence id, a watermark assignment). */
    public static AnchorItem ofDigest(String name, String kind, String algorithm, byte[] digest, String input) {
        return new AnchorItem(name, kind, algorithm, digest, input, null, null);
    }

    public byte[] leaf() {
        return AnchorLeaf.hash(kind, algorithm, digest);
    }

    public String digestHex() {
        return HexFormat.of().formatHex(digest);
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }
}
