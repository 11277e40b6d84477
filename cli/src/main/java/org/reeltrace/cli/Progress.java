package org.reeltrace.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress indicator for long jobs; the silent one is used whenever stderr is not a terminal. */
public interface Progress extends AutoCloseable {

    /** Sets how far the job is, in the units of its total. */
    void stepTo(long done);

    /** Changes the total when it becomes known. */
    void maxHint(long total);

    @Override
    void close();

    static Progress silent() {
        return new Progress() {
            @Override
            public void stepTo(long done) {
            }

            @Override
            public void maxHint(long total) {
            }

            @Override
            public void close() {
            }
        };
    }

    static Progress bar(String task, long total) {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(200)
                .build();
        return new Progress() {
            @Override
            public void stepTo(long done) {
                bar.stepTo(done);
            }

            @Override
            public void maxHint(long max) {
                bar.maxHint(max);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }
}
