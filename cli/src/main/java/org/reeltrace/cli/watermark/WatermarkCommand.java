package org.reeltrace.cli.watermark;

import picocli.CommandLine.Command;

@Command(name = "watermark", header = "Embed and detect invisible forensic watermarks.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {WatermarkEmbed.class, WatermarkDetect.class, WatermarkDiff.class})
public final class WatermarkCommand {
}
