package org.reeltrace.cli.workflow;

import java.nio.file.Path;
import java.util.List;

/** Anchors files in one transaction and writes one receipt per file. */
public interface Anchoring {
    record Summary(String txHash, long blockNumber, String root, List<String> receipts) {
    }

    Summary anchor(List<Path> items, Path receiptDir) throws Exception;
}
