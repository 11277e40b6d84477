package org.reeltrace.cli.workflow;

import java.nio.file.Path;

/** Checks a chain receipt (Merkle path, the file's hash, the root on chain) without throwing on a bad one. */
public interface ReceiptChecking {
    record Check(String receipt, String item, boolean valid, Long blockNumber, String blockTime, String root, String detail) {
    }

    Check check(Path receipt, Path file);
}
