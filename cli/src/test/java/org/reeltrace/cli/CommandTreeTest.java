package org.reeltrace.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A command line gets the commands it names and nothing it needs less: for every command of the
 * whole tree, the pruned tree holds the same command with the same options, parameters and usage;
 * a level named by nothing, by an unknown word or after an option we cannot skip is built whole.
 */
class CommandTreeTest {

    @Test
    void everyCommandIsReachedWithWhatTheWholeTreeGivesIt() {
        List<List<String>> paths = new ArrayList<>();
        collect(CommandTree.full(), new ArrayList<>(), paths);
        assertEquals(34, paths.size(), "commands in the tree: " + paths);
        for (List<String> path : paths) {
            CommandLine whole = find(CommandTree.full(), path);
            List<String> args = new ArrayList<>(List.of("-q", "--json"));
            args.addAll(path);
            args.add("input.mp4");
            CommandLine pruned = find(CommandTree.forArgs(args.toArray(String[]::new)), path);
            assertNotNull(pruned, "pruned tree reaches " + path);
            assertEquals(optionNames(whole.getCommandSpec()), optionNames(pruned.getCommandSpec()), String.join(" ", path));
            assertEquals(whole.getCommandSpec().positionalParameters().size(), pruned.getCommandSpec().positionalParameters().size());
            assertEquals(whole.getUsageMessage(CommandLine.Help.Ansi.OFF), pruned.getUsageMessage(CommandLine.Help.Ansi.OFF));
            assertEquals(whole.getSubcommands().keySet(), pruned.getSubcommands().keySet(), "a leaf gets its whole subtree");
        }
    }

    @Test
    void onlyTheNamedPathIsBuilt() {
        CommandLine root = CommandTree.forArgs("-q", "drm", "--json", "seal", "in.bin", "-o", "out.rtseal");
        assertEquals(Set.of("drm"), root.getSubcommands().keySet());
        assertEquals(Set.of("seal"), root.getSubcommands().get("drm").getSubcommands().keySet());
        CommandLine chain = CommandTree.forArgs("chain", "dev", "start");
        assertEquals(Set.of("start"), chain.getSubcommands().get("chain").getSubcommands().get("dev").getSubcommands().keySet());
    }

    @Test
    void levelsNamedByNothingOrSomethingUnknownAreWhole() {
        int groups = CommandTree.full().getSubcommands().size();
        assertEquals(groups, CommandTree.forArgs("--version").getSubcommands().size());
        assertEquals(groups, CommandTree.forArgs("help").getSubcommands().size());
        assertEquals(groups, CommandTree.forArgs("dmr", "seal").getSubcommands().size());
        assertEquals(6, CommandTree.forArgs("drm", "--help").getSubcommands().get("drm").getSubcommands().size());
        assertEquals(6, CommandTree.forArgs("drm", "sael").getSubcommands().get("drm").getSubcommands().size());
        // an option that is not a global flag may take a value that looks like a command name
        assertEquals(6, CommandTree.forArgs("drm", "--unknown", "seal").getSubcommands().get("drm").getSubcommands().size());
        assertEquals(groups, CommandTree.forArgs("--", "drm").getSubcommands().size());
    }

    private static void collect(CommandLine cmd, List<String> path, List<List<String>> out) {
        for (var e : cmd.getSubcommands().entrySet()) {
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            out.add(p);
            collect(e.getValue(), p, out);
        }
    }

    private static CommandLine find(CommandLine root, List<String> path) {
        CommandLine at = root;
        for (String name : path) {
            at = at.getSubcommands().get(name);
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    private static Set<String> optionNames(CommandSpec spec) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec o : spec.options()) {
            names.add(String.join("|", o.names()));
        }
        return names;
    }
}
