package org.reeltrace.cli.chain;

import picocli.CommandLine.Command;

@Command(name = "dev", header = "A local development node (anvil) managed by reeltrace.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {ChainDevStart.class, ChainDevStop.class, ChainDevStatus.class})
public final class ChainDevCommand {
}
