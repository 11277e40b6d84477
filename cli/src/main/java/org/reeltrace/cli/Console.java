package org.reeltrace.cli;

import picocli.CommandLine.Model.CommandSpec;

import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a command's words go: results on stdout (one JSON document with --json), chatter and
 * progress on stderr, chatter suppressed by -q. Commands reach it through their {@code @Spec}.
 */
public final class Console {
    /** Built on first use: Jackson's start-up is a good part of a short command's run, and most runs print no JSON. */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .build();
    }

    /**
     * Builds the JSON mapper and has it write a small document, on a background thread, so that a
     * --json run does not spend its last 0.05-0.1 s starting Jackson (the main thread meanwhile
     * parses arguments and waits for FFmpeg's native libraries).
     */
    static void prepareJsonInBackground() {
        Thread t = new Thread(() -> Json.MAPPER.writeValueAsString(ordered("found", true, "payload", "0")), "json-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final GlobalOptions global;
    private final boolean stderrIsTerminal;

    Console(PrintWriter out, PrintWriter err, GlobalOptions global, boolean stderrIsTerminal) {
        this.out = out;
        this.err = err;
        this.global = global;
        this.stderrIsTerminal = stderrIsTerminal;
    }

    /** The console of the command line that {@code spec} belongs to. */
    public static Console of(CommandSpec spec) {
        return ((ReeltraceCommand) spec.root().userObject()).console();
    }

    public boolean json() {
        return global.json();
    }

    public boolean verbose() {
        return global.verbose();
    }

    /** A result for people: printed on stdout unless --json asked for the JSON document instead. */
    public void result(String line) {
        if (!global.json()) {
            out.println(line);
            out.flush();
        }
    }

    /** The one JSON document of a --json run; ignored otherwise. */
    public void json(Object document) {
        if (global.json()) {
            out.println(Json.MAPPER.writeValueAsString(document));
            out.flush();
        }
    }

    /** Human chatter on stderr, silenced by -q. */
    public void info(String line) {
        if (!global.quiet()) {
            err.println(line);
            err.flush();
        }
    }

    /** A warning on stderr, shown even with -q. */
    public void warn(String line) {
        err.println("reeltrace: warning: " + line);
        err.flush();
    }

    /** A progress bar on stderr, or a silent one when stderr is no terminal, -q or --no-progress. */
    public Progress progress(String task, long total) {
        boolean draw = stderrIsTerminal && !global.quiet() && !global.noProgress() && !global.json();
        return draw ? Progress.bar(task, total) : Progress.silent();
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /**
     * A JSON object with its keys in the order given ({@code key, value, key, value, ...}): Map.of
     * iterates in an order that changes from run to run, which makes outputs hard to diff in CI.
     */
    public static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static JsonMapper mapper() {
        return Json.MAPPER;
    }
}
