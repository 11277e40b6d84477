package org.reeltrace.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import org.reeltrace.media.Ffmpeg;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Set;

/** Entry point. Only {@link #main} exits the JVM; tests call {@link #run} in-process. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (needsMedia(args)) {
            Ffmpeg.preloadInBackground();
        }
        if (Arrays.asList(args).contains("--json")) {
            Console.prepareJsonInBackground();
        }
        int code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(code);
    }

    /** Command groups that decode or encode media: their FFmpeg libraries load while arguments are parsed. */
    private static final Set<String> MEDIA_GROUPS = Set.of("fingerprint", "watermark", "release", "trace", "demo");

    /** True when the first word that is not an option names a command group that uses FFmpeg. */
    static boolean needsMedia(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return MEDIA_GROUPS.contains(a);
            }
        }
        return false;
    }

    /** Runs one command line with the given streams and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = configured(CommandTree.forArgs(args));
        ReeltraceCommand root = cmd.getCommand();
        root.console(new Console(out, err, root.global(), stderrIsTerminal()));
        ErrorReporter errors = new ErrorReporter(root.global());
        cmd.setOut(out)
                .setErr(err)
                .setExitCodeExceptionMapper(new ExitCodes())
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors)
                .setExecutionStrategy(pr -> execute(pr, root));
        try {
            return cmd.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The whole command model without streams or handlers: used for help and completion scripts. */
    public static CommandLine commandLine() {
        return configured(CommandTree.full());
    }

    /** Settings for the whole tree; picocli applies them only to the subcommands present when called. */
    private static CommandLine configured(CommandLine cmd) {
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setUsageHelpAutoWidth(true);
        return cmd;
    }

    private static int execute(ParseResult parseResult, ReeltraceCommand root) {
        CommandLine cmd = parseResult.commandSpec().commandLine();
        if (root.global().version) {
            VersionInfo v = VersionInfo.current();
            if (root.global().json()) {
                cmd.getOut().println(Console.mapper().writeValueAsString(
                        Console.ordered("version", v.version(), "commit", v.commit())));
            } else {
                cmd.printVersionHelp(cmd.getOut());
            }
            cmd.getOut().flush();
            return ExitCodes.OK;
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /**
     * Whether stderr is a terminal. The launcher knows for sure ({@code [ -t 2 ]}) and passes it on;
     * a bare {@code java -jar} falls back to the JVM's console check.
     */
    private static boolean stderrIsTerminal() {
        String told = System.getProperty("reeltrace.stderrTty");
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    }
}
