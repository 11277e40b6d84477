package org.reeltrace.cli;

import org.reeltrace.cli.chain.ChainAnchor;
import org.reeltrace.cli.chain.ChainCommand;
import org.reeltrace.cli.chain.ChainDeploy;
import org.reeltrace.cli.chain.ChainDevCommand;
import org.reeltrace.cli.chain.ChainDevStart;
import org.reeltrace.cli.chain.ChainDevStatus;
import org.reeltrace.cli.chain.ChainDevStop;
import org.reeltrace.cli.chain.ChainVerify;
import org.reeltrace.cli.chain.CidCommand;
import org.reeltrace.cli.drm.DrmClearkeyLicense;
import org.reeltrace.cli.drm.DrmCommand;
import org.reeltrace.cli.drm.DrmInspect;
import org.reeltrace.cli.drm.DrmOpen;
import org.reeltrace.cli.drm.DrmSeal;
import org.reeltrace.cli.drm.DrmUnwrap;
import org.reeltrace.cli.drm.DrmWrap;
import org.reeltrace.cli.fingerprint.FingerprintAdd;
import org.reeltrace.cli.fingerprint.FingerprintCommand;
import org.reeltrace.cli.fingerprint.FingerprintCompare;
import org.reeltrace.cli.fingerprint.FingerprintCreate;
import org.reeltrace.cli.fingerprint.FingerprintInspect;
import org.reeltrace.cli.fingerprint.FingerprintList;
import org.reeltrace.cli.fingerprint.FingerprintMatch;
import org.reeltrace.cli.keys.KeysCommand;
import org.reeltrace.cli.keys.KeysGenerate;
import org.reeltrace.cli.keys.KeysPublic;
import org.reeltrace.cli.release.DemoCommand;
import org.reeltrace.cli.release.ReleaseCommand;
import org.reeltrace.cli.release.TraceCommand;
import org.reeltrace.cli.watermark.WatermarkCommand;
import org.reeltrace.cli.watermark.WatermarkDetect;
import org.reeltrace.cli.watermark.WatermarkDiff;
import org.reeltrace.cli.watermark.WatermarkEmbed;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which command holds which subcommands: the one table of the command tree. picocli reflects over
 * every class it is handed, and the whole tree (40 classes) took 0.2 s of the 0.43 s a small
 * {@code drm seal} spent in the JVM. So a command line gets only the path it names, and whole
 * levels wherever it names nothing or something unknown (help lists them; a typo gets picocli's
 * suggestions). Help and completion scripts use {@link #full()}.
 */
final class CommandTree {
    private record Node(Class<?> type, Supplier<Object> factory, List<Node> children) {
    }

    private static final Node ROOT = node(ReeltraceCommand.class, ReeltraceCommand::new,
            node(KeysCommand.class, KeysCommand::new,
                    leaf(KeysGenerate.class, KeysGenerate::new),
                    leaf(KeysPublic.class, KeysPublic::new)),
            node(FingerprintCommand.class, FingerprintCommand::new,
                    leaf(FingerprintCreate.class, FingerprintCreate::new),
                    leaf(FingerprintInspect.class, FingerprintInspect::new),
                    leaf(FingerprintCompare.class, FingerprintCompare::new),
                    leaf(FingerprintAdd.class, FingerprintAdd::new),
                    leaf(FingerprintList.class, FingerprintList::new),
                    leaf(FingerprintMatch.class, FingerprintMatch::new)),
            node(WatermarkCommand.class, WatermarkCommand::new,
                    leaf(WatermarkEmbed.class, WatermarkEmbed::new),
                    leaf(WatermarkDetect.class, WatermarkDetect::new),
                    leaf(WatermarkDiff.class, WatermarkDiff::new)),
            node(DrmCommand.class, DrmCommand::new,
                    leaf(DrmWrap.class, DrmWrap::new),
                    leaf(DrmUnwrap.class, DrmUnwrap::new),
                    leaf(DrmClearkeyLicense.class, DrmClearkeyLicense::new),
                    leaf(DrmSeal.class, DrmSeal::new),
                    leaf(DrmOpen.class, DrmOpen::new),
                    leaf(DrmInspect.class, DrmInspect::new)),
            node(ChainCommand.class, ChainCommand::new,
                    node(ChainDevCommand.class, ChainDevCommand::new,
                            leaf(ChainDevStart.class, ChainDevStart::new),
                            leaf(ChainDevStop.class, ChainDevStop::new),
                            leaf(ChainDevStatus.class, ChainDevStatus::new)),
                    leaf(ChainDeploy.class, ChainDeploy::new),
                    leaf(ChainAnchor.class, ChainAnchor::new),
                    leaf(ChainVerify.class, ChainVerify::new)),
            leaf(CidCommand.class, CidCommand::new),
            leaf(ReleaseCommand.class, ReleaseCommand::new),
            leaf(TraceCommand.class, TraceCommand::new),
            leaf(DemoCommand.class, DemoCommand::new),
            leaf(CompletionCommand.class, CompletionCommand::new));

    /** Option words that may stand between command names: the global flags, none of which takes a value. */
    private static final Set<String> FLAGS = globalFlags();

    private CommandTree() {
    }

    /** Every command. */
    static CommandLine full() {
        return build(ROOT, List.of(), false);
    }

    /** The commands {@code args} names, and every command of a level where it names none. */
    static CommandLine forArgs(String... args) {
        List<String> words = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (a.startsWith("-")) {
                if (!FLAGS.contains(a)) {
                    break; // an option we cannot skip safely: whatever follows is built whole
                }
                continue;
            }
            words.add(a);
        }
        return build(ROOT, words, true);
    }

    private static CommandLine build(Node node, List<String> words, boolean prune) {
        CommandLine cmd = new CommandLine(node.factory().get());
        Node named = null;
        if (prune && !words.isEmpty()) {
            String word = words.get(0);
            named = node.children().stream().filter(c -> names(c.type()).contains(word)).findFirst().orElse(null);
        }
        for (Node child : node.children()) {
            if (named == null) {
                cmd.addSubcommand(build(child, List.of(), false));
            } else if (child == named) {
                cmd.addSubcommand(build(child, words.subList(1, words.size()), true));
            }
        }
        return cmd;
    }

    private static Set<String> names(Class<?> type) {
        Command c = type.getAnnotation(Command.class);
        Set<String> names = new HashSet<>(List.of(c.aliases()));
        names.add(c.name());
        return names;
    }

    private static Set<String> globalFlags() {
        Set<String> flags = new HashSet<>();
        for (Field f : GlobalOptions.class.getDeclaredFields()) {
            Option o = f.getAnnotation(Option.class);
            if (o != null) {
                flags.addAll(List.of(o.names()));
            }
        }
        return flags;
    }

    private static Node node(Class<?> type, Supplier<Object> factory, Node... children) {
        return new Node(type, factory, List.of(children));
    }

    private static Node leaf(Class<?> type, Supplier<Object> factory) {
        return node(type, factory);
    }
}
