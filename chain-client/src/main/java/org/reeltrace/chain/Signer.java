package org.reeltrace.chain;

import org.web3j.crypto.exception.CipherException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.reeltrace.chain.ChainException.Kind.INVALID_INPUT;
import static org.reeltrace.chain.ChainException.Kind.USAGE;

/** The key that signs anchoring transactions. */
final class Signer {
    /** anvil's first well-known development account; public knowledge, worthless off the dev chain. */
    static final String ANVIL_KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    private Signer() {
    }

    static Credentials dev() {
        return Credentials.create(ANVIL_KEY_0);
    }

    /** From an Ethereum JSON keystore; the password from the config or env REELTRACE_KEYSTORE_PASSWORD. */
    static Credentials of(ChainConfig cfg) throws ChainException {
        if (cfg.keystore() == null) {
            throw new ChainException(USAGE, "signing on " + cfg.rpcUrl() + " needs a key: pass --keystore FILE",
                    "an Ethereum JSON keystore (geth account new, cast wallet new) with its password in env REELTRACE_KEYSTORE_PASSWORD or --password-file", null);
        }
        String password = cfg.password() != null ? new String(cfg.password()) : System.getenv("REELTRACE_KEYSTORE_PASSWORD");
        if (password == null) {
            throw new ChainException(USAGE, "no password for keystore \"" + cfg.keystore() + "\"",
                    "set env REELTRACE_KEYSTORE_PASSWORD or pass --password-file FILE", null);
        }
        Path file = cfg.keystore();
        if (!Files.isReadable(file)) {
            throw new ChainException(INVALID_INPUT, "cannot read keystore \"" + file + "\"");
        }
        try {
            return WalletUtils.loadCredentials(password, file.toFile());
        } catch (CipherException e) {
            throw new ChainException(INVALID_INPUT, "cannot open keystore \"" + file + "\": wrong password or corrupt file", e);
        } catch (IOException | RuntimeException e) {
            throw new ChainException(INVALID_INPUT, "cannot read keystore \"" + file + "\": " + e.getMessage(), e);
        }
    }
}
