package org.reeltrace.cli.fingerprint;

import picocli.CommandLine.Command;

@Command(name = "fingerprint", header = "Perceptual fingerprints of video and audio; catalog and matching.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {FingerprintCreate.class, FingerprintInspect.class, FingerprintCompare.class, FingerprintAdd.class, FingerprintList.class, FingerprintMatch.class})
public final class FingerprintCommand {
}
