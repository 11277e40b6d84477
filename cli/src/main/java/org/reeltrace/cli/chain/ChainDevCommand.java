package org.reeltrace.cli.chain;

import picocli.CommandLine.Command;

@Command(name = "dev", header = "A local development node (anvil) managed by reeltrace.", synopsisSubcommandLabel = "COMMAND")
public final class ChainDevCommand {
}
