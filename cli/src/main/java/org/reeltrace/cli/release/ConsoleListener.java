package org.reeltrace.cli.release;

import org.reeltrace.cli.Console;
import org.reeltrace.cli.Progress;
import org.reeltrace.cli.workflow.WorkflowListener;

/** Shows a workflow's steps on stderr and its progress as one bar (on a terminal only). */
final class ConsoleListener implements WorkflowListener, AutoCloseable {
    private final Console console;
    private final String task;
    private Progress progress;

    ConsoleListener(Console console, String task) {
        this.console = console;
        this.task = task;
    }

    @Override
    public void step(String description) {
        console.info(description);
    }

    @Override
    public void progress(long done, long total) {
        if (progress == null) {
            progress = console.progress(task, total);
        }
        progress.maxHint(total);
        progress.stepTo(done);
    }

    @Override
    public void close() {
        if (progress != null) {
            progress.close();
        }
    }
}
