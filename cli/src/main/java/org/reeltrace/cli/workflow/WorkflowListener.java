package org.reeltrace.cli.workflow;

/** What a long workflow tells the person running it: steps as they start, and overall progress. */
public interface WorkflowListener {
    void step(String description);

    void progress(long done, long total);

    WorkflowListener SILENT = new WorkflowListener() {
        @Override
        public void step(String description) {
        }

        @Override
        public void progress(long done, long total) {
        }
    };
}
