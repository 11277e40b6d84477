package org.reeltrace.cli.chain;

import picocli.CommandLine.Command;

@Command(name = "chain", header = "Anchor proofs on an Ethereum-compatible chain and verify receipts.", synopsisSubcommandLabel = "COMMAND")
public final class ChainCommand {
}
