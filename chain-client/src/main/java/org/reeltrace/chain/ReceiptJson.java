package org.reeltrace.chain;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.regex.Pattern;

import static org.reeltrace.chain.ChainException.Kind.INVALID_INPUT;

/** The one canonical JSON form of receipts (two-space indent, fixed field order, trailing newline). */
public final class ReceiptJson {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final Pattern H32 = Pattern.compile("0x[0-9a-f]{64}");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private ReceiptJson() {
    }

    public static byte[] write(Receipt r) {
        return (JSON.writeValueAsString(r) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static Receipt read(Path file) throws ChainException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ChainException(INVALID_INPUT, "cannot read \"" + file + "\": no such file", e);
        } catch (IOException e) {
            throw new ChainException(INVALID_INPUT, "cannot read \"" + file + "\": " + e.getMessage(), e);
        }
        return parse(bytes, file.toString());
    }

    /** Parses and checks the form of a receipt; INVALID_INPUT naming the first thing wrong. */
    public static Receipt parse(byte[] bytes, String name) throws ChainException {
        Receipt r;
        try {
            r = JSON.readValue(bytes, Receipt.class);
        } catch (JacksonException e) {
            throw new ChainException(INVALID_INPUT, "malformed receipt \"" + name + "\": " + e.getOriginalMessage(), e);
        }
        String problem = problem(r);
        if (problem != null) {
            throw new ChainException(INVALID_INPUT, "malformed receipt \"" + name + "\": " + problem,
                    "a receipt is the JSON file chain anchor wrote (docs/spec/anchor-v1.md)", null);
        }
        return r;
    }

    private static String problem(Receipt r) {
        if (r == null) {
            return "empty";
        }
        if (!Receipt.VERSION.equals(r.version())) {
            return "version is \"" + r.version() + "\", expected \"" + Receipt.VERSION + "\"";
        }
        if (r.item() == null || r.item().digest() == null || r.item().kind() == null
                || r.item().digest().algorithm() == null || r.item().digest().value() == null) {
            return "item, its kind and digest are required";
        }
        try {
            AnchorLeaf.preimage(r.item().kind(), r.item().digest().algorithm(), HexFormat.of().parseHex(r.item().digest().value()));
        } catch (IllegalArgumentException e) {
            return "item digest: " + e.getMessage();
        }
        if (!isH32(r.leaf()) || !isH32(r.root())) {
            return "leaf and root must be 0x and 64 lowercase hex digits";
        }
        Receipt.Merkle m = r.merkle();
        if (m == null || !Receipt.Merkle.KECCAK.equals(m.hash()) || m.proof() == null) {
            return "merkle must name hash \"keccak-256\" and carry a proof";
        }
        if (m.leaves() < 1 || m.index() < 0 || m.index() >= m.leaves() || m.proof().size() > 64) {
            return "merkle index " + m.index() + " of " + m.leaves() + " leaves is impossible";
        }
        for (String p : m.proof()) {
            if (!isH32(p)) {
                return "proof entry \"" + p + "\" is not a 32-byte hash";
            }
        }
        Receipt.Anchor a = r.anchor();
        if (a == null || a.chainId() <= 0 || a.contract() == null || !ADDRESS.matcher(a.contract()).matches()
                || !isH32(a.txHash()) || a.blockNumber() < 0) {
            return "anchor needs chainId, contract address, txHash and blockNumber";
        }
        return null;
    }

    private static boolean isH32(String s) {
        return s != null && H32.matcher(s).matches();
    }
}
