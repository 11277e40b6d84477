package org.reeltrace.cli.fingerprint;

import picocli.CommandLine.Command;

@Command(name = "fingerprint", header = "Perceptual fingerprints of video and audio; catalog and matching.", synopsisSubcommandLabel = "COMMAND")
public final class FingerprintCommand {
}
