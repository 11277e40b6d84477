package org.reeltrace.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Turns every failure into one line on stderr, {@code reeltrace: error: ...}, an optional
 * {@code reeltrace: hint: ...} line, and an exit code from {@link ExitCodes}. Stack traces only with -v.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final GlobalOptions global;

    ErrorReporter(GlobalOptions global) {
        this.global = global;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("reeltrace: error: " + lowerFirst(ex.getMessage()));
        String name = cmd.getCommandSpec().qualifiedName();
        err.println("reeltrace: hint: see '" + name + " --help'");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int code = ExitCodes.of(ex);
        String message = describe(ex);
        if (code == ExitCodes.INTERNAL && !(ex instanceof NotImplementedException)) {
            message = "internal error: " + message;
        }
        err.println("reeltrace: error: " + message);
        ExitCodes.hint(ex).ifPresent(h -> err.println("reeltrace: hint: " + h));
        if (global.verbose()) {
            ex.printStackTrace(err);
        } else if (code == ExitCodes.INTERNAL && !(ex instanceof NotImplementedException)) {
            err.println("reeltrace: hint: run again with -v for a stack trace, and report it as a bug");
        }
        err.flush();
        return code;
    }

    private static String describe(Throwable ex) {
        String m = ex.getMessage();
        if (ex instanceof java.nio.file.NoSuchFileException) {
            return "no such file \"" + m + "\"";
        }
        if (ex instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: \"" + m + "\"";
        }
        if (m == null || m.isBlank()) {
            return ex.getClass().getSimpleName();
        }
        return lowerFirst(m.lines().findFirst().orElse(m));
    }

    private static String lowerFirst(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        // keep acronyms (JSON, MP4) intact; lower only a capitalised ordinary word
        if (t.length() > 1 && Character.isUpperCase(t.charAt(0)) && Character.isLowerCase(t.charAt(1))) {
            return t.substring(0, 1).toLowerCase(Locale.ROOT) + t.substring(1);
        }
        return t;
    }
}
