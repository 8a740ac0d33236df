package org.sapere.jobs;

/** What a running handler can ask its worker. */
public interface JobContext {

    /**
     * Whether the worker is shutting down or lost its lease: the handler should stop soon (the job is retried later,
     * this attempt not counted as failed). The handler's thread is interrupted at the same moment.
     */
    boolean stopping();
}
