package org.reeltrace.chain;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.reeltrace.chain.ChainException.Kind.ENVIRONMENT;

/**
 * The reeltrace dev node: anvil on 127.0.0.1 and a free port, its chain state kept in
 * HOME/dev/state.json between runs, the registry deployed on first use and remembered.
 */
public final class DevChain {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final long CHAIN_ID = 31337;

    /** What HOME/dev/node.json remembers about the running node. */
    record NodeInfo(long pid, int port, String url, String state) {
    }

    private DevChain() {
    }

    public static Endpoint ensureRunning() throws ChainException {
        return ensureRunning(ChainHome.dir());
    }

    /** Starts the dev node under {@code home} unless it runs; deploys the registry when missing. */
    public static synchronized Endpoint ensureRunning(Path home) throws ChainException {
        return ensureRunning(home, null);
    }

    /** As {@link #ensureRunning(Path)}, keeping the chain state in {@code stateFile} (null: HOME/dev/state.json). */
    public static synchronized Endpoint ensureRunning(Path home, Path stateFile) throws ChainException {
        Path dir = home.resolve("dev");
        Optional<NodeInfo> running = running(dir);
        NodeInfo node = running.isPresent() ? running.get() : start(dir, stateFile);
        try (ChainClient client = ChainClient.connect(node.url())) {
            String contract = readContract(dir);
            if (contract == null || !client.hasCode(contract)) {
                contract = Deployer.deploy(client, CHAIN_ID, Signer.dev(), Duration.ofMillis(20), Duration.ofMinutes(1));
                write(dir.resolve("contract"), contract + "\n");
            }
            return new Endpoint(node.url(), client.chainId(), contract);
        }
    }

    /** The running dev node, if any. */
    public static Optional<Endpoint> status(Path home) throws ChainException {
        Path dir = home.resolve("dev");
        Optional<NodeInfo> node = running(dir);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Endpoint(node.get().url(), CHAIN_ID, readContract(dir)));
    }

    /** Stops the dev node (SIGTERM: anvil writes its state on the way out); false if none ran. */
    public static boolean stop(Path home) throws ChainException {
        Path dir = home.resolve("dev");
        Optional<NodeInfo> node = running(dir);
        if (node.isEmpty()) {
            return false;
        }
        Optional<ProcessHandle> h = ProcessHandle.of(node.get().pid());
        if (h.isPresent()) {
            h.get().destroy();
            try {
                h.get().onExit().get(java.util.concurrent.TimeUnit.SECONDS.toMillis(20), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                h.get().destroyForcibly();
            }
        }
        try {
            Files.deleteIfExists(dir.resolve("node.json"));
        } catch (IOException e) {
            throw new ChainException(ENVIRONMENT, "cannot remove \"" + dir.resolve("node.json") + "\": " + e.getMessage(), e);
        }
        return true;
    }

    private static Optional<NodeInfo> running(Path dir) throws ChainException {
        Path f = dir.resolve("node.json");
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        NodeInfo info;
        try {
            info = JSON.readValue(Files.readAllBytes(f), NodeInfo.class);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        boolean alive = ProcessHandle.of(info.pid()).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
            return Optional.empty();
        }
        try (ChainClient probe = ChainClient.probe(info.url())) {
            probe.chainId();
            return Optional.of(info);
        } catch (ChainException e) {
            return Optional.empty();
        }
    }

    private static NodeInfo start(Path dir, Path stateFile) throws ChainException {
        Path anvil = AnvilInstaller.ensure();
        Path state = stateFile != null ? stateFile : dir.resolve("state.json");
        int port = freePort();
        String url = "http://127.0.0.1:" + port;
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid"); // its own session: Ctrl-C on the terminal that started it does not stop it
        }
        cmd.addAll(List.of(anvil.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--chain-id", Long.toString(CHAIN_ID), "--state", state.toString(), "--state-interval", "1"));
        try {
            Files.createDirectories(dir);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("anvil.log").toFile())).start();
            NodeInfo info = new NodeInfo(anvilPid(p), port, url, state.toString());
            waitForRpc(url, p, dir);
            write(dir.resolve("node.json"), JSON.writeValueAsString(info) + "\n");
            return info;
        } catch (IOException e) {
            throw new ChainException(ENVIRONMENT, "cannot start anvil \"" + anvil + "\": " + e.getMessage(), e);
        }
    }

    /** setsid execs anvil in place, so the child's pid is anvil's. */
    private static long anvilPid(Process p) {
        return p.pid();
    }

    private static void waitForRpc(String url, Process p, Path dir) throws ChainException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new ChainException(ENVIRONMENT, "anvil exited with code " + p.exitValue() + " (log: \"" + dir.resolve("anvil.log") + "\")");
            }
            try (ChainClient probe = ChainClient.probe(url)) {
                probe.chainId();
                return;
            } catch (ChainException e) {
                ChainClient.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new ChainException(ENVIRONMENT, "anvil did not answer at " + url + " within 30 s (log: \"" + dir.resolve("anvil.log") + "\")");
    }

    private static int freePort() throws ChainException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new ChainException(ENVIRONMENT, "no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private static String readContract(Path dir) {
        try {
            String s = Files.readString(dir.resolve("contract")).trim();
            return s.isEmpty() ? null : s;
        } catch (IOException e) {
            return null;
        }
    }

    private static void write(Path file, String text) throws ChainException {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ChainException(ENVIRONMENT, "cannot write \"" + file + "\": " + e.getMessage(), e);
        }
    }
}
