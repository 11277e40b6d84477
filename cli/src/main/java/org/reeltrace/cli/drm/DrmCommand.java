package org.reeltrace.cli.drm;

import picocli.CommandLine.Command;

@Command(name = "drm", header = "Common Encryption for MP4, and sealed files under signed licences.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {DrmWrap.class, DrmUnwrap.class, DrmClearkeyLicense.class, DrmSeal.class, DrmOpen.class, DrmInspect.class})
public final class DrmCommand {
}
