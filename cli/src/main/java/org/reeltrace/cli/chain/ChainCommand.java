package org.reeltrace.cli.chain;

import picocli.CommandLine.Command;

@Command(name = "chain", header = "Anchor proofs on an Ethereum-compatible chain and verify receipts.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {ChainDevCommand.class, ChainDeploy.class, ChainAnchor.class, ChainVerify.class})
public final class ChainCommand {
}
