package org.reeltrace.cli.chain;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** How to reach a chain and sign for it; shared by the chain commands. */
public final class ChainOptions {

    @Option(names = "--rpc", paramLabel = "URL", defaultValue = "${env:REELTRACE_RPC}",
            description = "JSON-RPC endpoint (env REELTRACE_RPC); the dev node when absent")
    public String rpc;

    @Option(names = "--keystore", paramLabel = "FILE",
            description = "Ethereum JSON keystore; password from env REELTRACE_KEYSTORE_PASSWORD or --password-file")
    public Path keystore;

    @Option(names = "--password-file", paramLabel = "FILE", description = "file holding the keystore password")
    public Path passwordFile;
}
