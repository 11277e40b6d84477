package org.reeltrace.cli.watermark;

import picocli.CommandLine.Command;

@Command(name = "watermark", header = "Embed and detect invisible forensic watermarks.", synopsisSubcommandLabel = "COMMAND")
public final class WatermarkCommand {
}
