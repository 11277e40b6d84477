package org.reeltrace.chain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceiptTest {
    static final Receipt.Anchor ANCHOR = new Receipt.Anchor(31337, "0x5fbdb2315678afecb367f032d93f642f64180aa3",
            "0x" + "ab".repeat(32), 7, "0x" + "cd".repeat(32), "2026-11-21T06:00:00Z",
            "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", Anchorer.URI);

    static List<AnchorItem> files(Path dir, int n) throws Exception {
        List<AnchorItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path f = dir.resolve("item-" + i + ".bin");
            Files.writeString(f, "item-" + i);
            items.add(AnchorItem.ofFile(f));
        }
        return items;
    }

    @Test
    void everyReceiptOfABatchVerifiesOfflineAgainstItsFile(@TempDir Path dir) throws Exception {
        List<AnchorItem> items = files(dir, 5);
        ReceiptBatch batch = new ReceiptBatch(items);
        for (int i = 0; i < items.size(); i++) {
            Path file = Anchorer.write(batch.receipt(i, ANCHOR), dir, new HashSet<>());
            Verification v = ReceiptVerifier.verify(file, dir.resolve("item-" + i + ".bin"), null);
            assertTrue(v.valid());
            assertTrue(v.fileChecked() && v.merkleChecked());
            assertFalse(v.chainChecked());
            assertEquals(Hex.of(batch.root()), v.root());
            assertTrue(v.notChecked().getFirst().contains("no node asked"), v.notChecked().toString());
        }
    }

    @Test
    void fileReceiptsCarryDigestSizeAndCid(@TempDir Path dir) throws Exception {
        Receipt r = new ReceiptBatch(files(dir, 2)).receipt(1, ANCHOR);
        // sha256("item-1") and the raw-leaf CID of the same 6 bytes
        assertEquals("59908df50572502ceeabbcc669a28bcc5343d7564a581b9c9648479580f5b773", r.item().digest().value());
        assertEquals(6L, r.item().size());
        assertTrue(r.item().cid().startsWith("bafkrei"));
        assertEquals(Receipt.VERSION, r.version());
        Receipt back = ReceiptJson.parse(ReceiptJson.write(r), "x");
        assertEquals(new String(ReceiptJson.write(r), StandardCharsets.UTF_8), new String(ReceiptJson.write(back), StandardCharsets.UTF_8));
    }

    @Test
    void goldenReceiptStillVerifies() throws Exception {
        Path golden = Path.of(Objects.requireNonNull(getClass().getResource("/receipt-valid.json")).toURI());
        Verification v = ReceiptVerifier.verify(golden, null, null);
        assertTrue(v.valid());
        assertEquals("0xfe3dc8ca2a3d033850121146664e1cc3ad5659a5dc9ae8970459c2238546c34b", v.root());
    }

    @Test
    void aWrongFileIsAVerificationFailure(@TempDir Path dir) throws Exception {
        List<AnchorItem> items = files(dir, 3);
        Path receipt = Anchorer.write(new ReceiptBatch(items).receipt(0, ANCHOR), dir, new HashSet<>());
        ChainException e = assertThrows(ChainException.class, () -> ReceiptVerifier.verify(receipt, dir.resolve("item-1.bin"), null));
        assertEquals(ChainException.Kind.VERIFICATION_FAILED, e.kind());
        assertTrue(e.getMessage().contains("is not the anchored item"), e.getMessage());
    }

    @Test
    void tamperedPathOrDigestIsAVerificationFailure() throws Exception {
        for (String name : List.of("/receipt-tampered-proof.json", "/receipt-tampered-digest.json")) {
            Path p = Path.of(Objects.requireNonNull(getClass().getResource(name)).toURI());
            ChainException e = assertThrows(ChainException.class, () -> ReceiptVerifier.verify(p, null, null), name);
            assertEquals(ChainException.Kind.VERIFICATION_FAILED, e.kind(), name);
        }
    }

    @Test
    void malformedReceiptsAreInvalidInput() throws Exception {
        for (String name : List.of("/receipt-malformed.json", "/receipt-wrong-version.json", "/receipt-bad-index.json")) {
            Path p = Path.of(Objects.requireNonNull(getClass().getResource(name)).toURI());
            ChainException e = assertThrows(ChainException.class, () -> ReceiptVerifier.verify(p, null, null), name);
            assertEquals(ChainException.Kind.INVALID_INPUT, e.kind(), name + ": " + e.getMessage());
        }
    }
}
