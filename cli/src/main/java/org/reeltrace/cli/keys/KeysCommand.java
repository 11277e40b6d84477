package org.reeltrace.cli.keys;

import picocli.CommandLine.Command;

@Command(name = "keys", header = "Generate keys and print their public parts.", synopsisSubcommandLabel = "COMMAND")
public final class KeysCommand {
}
