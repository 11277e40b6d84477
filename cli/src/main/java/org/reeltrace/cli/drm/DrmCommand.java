package org.reeltrace.cli.drm;

import picocli.CommandLine.Command;

@Command(name = "drm", header = "Common Encryption for MP4, and sealed files under signed licences.", synopsisSubcommandLabel = "COMMAND")
public final class DrmCommand {
}
