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
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    private ReceiptJson() {
    }

    /** The canonical text: fields in spec order, two-space indent, one proof entry per line. */
    public static byte[] write(Receipt r) {
        StringBuilder b = new StringBuilder(1600);
        Receipt.Item it = r.item();
        Receipt.Digest d = it.digest();
        b.append("{\n  \"version\": ").append(str(r.version()))
                .append(",\n  \"item\": {\n    \"name\": ").append(str(it.name()))
                .append(",\n    \"kind\": ").append(str(it.kind()))
                .append(",\n    \"digest\": {\n      \"algorithm\": ").append(str(d.algorithm()))
                .append(",\n      \"value\": ").append(str(d.value()))
                .append(",\n      \"input\": ").append(str(d.input())).append("\n    }");
        if (it.size() != null) {
            b.append(",\n    \"size\": ").append(it.size());
        }
        if (it.cid() != null) {
            b.append(",\n    \"cid\": ").append(str(it.cid()));
        }
        Receipt.Merkle m = r.merkle();
        b.append("\n  },\n  \"leaf\": ").append(str(r.leaf()))
                .append(",\n  \"merkle\": {\n    \"hash\": ").append(str(m.hash()))
                .append(",\n    \"index\": ").append(m.index())
                .append(",\n    \"leaves\": ").append(m.leaves())
                .append(",\n    \"proof\": [");
        for (int i = 0; i < m.proof().size(); i++) {
            b.append(i == 0 ? "\n      " : ",\n      ").append(str(m.proof().get(i)));
        }
        Receipt.Anchor a = r.anchor();
        b.append(m.proof().isEmpty() ? "]" : "\n    ]")
                .append("\n  },\n  \"root\": ").append(str(r.root()))
                .append(",\n  \"anchor\": {\n    \"chainId\": ").append(a.chainId())
                .append(",\n    \"contract\": ").append(str(a.contract()))
                .append(",\n    \"txHash\": ").append(str(a.txHash()))
                .append(",\n    \"blockNumber\": ").append(a.blockNumber())
                .append(",\n    \"blockHash\": ").append(str(a.blockHash()))
                .append(",\n    \"blockTime\": ").append(str(a.blockTime()))
                .append(",\n    \"sender\": ").append(str(a.sender()))
                .append(",\n    \"uri\": ").append(str(a.uri()))
                .append("\n  }\n}\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String str(String s) {
        if (s == null) {
            return "null";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c > 0x7E) {
                return JSON.writeValueAsString(s); // rare: let Jackson escape
            }
        }
        return "\"" + s + "\"";
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

    /** "0x" and 64 lowercase hex digits (a loop: this runs ~20 times per receipt verified). */
    private static boolean isH32(String s) {
        if (s == null || s.length() != 66 || s.charAt(0) != '0' || s.charAt(1) != 'x') {
            return false;
        }
        for (int i = 2; i < 66; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
