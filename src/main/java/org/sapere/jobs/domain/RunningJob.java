package org.sapere.jobs.domain;

import org.sapere.jobs.Job;
import org.sapere.jobs.JobContext;

/** A claimed job while its handler runs: the thread to interrupt and the flag its handler reads. */
final class RunningJob implements JobContext {

    final Job job;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile long renewedAt = System.nanoTime();
    private boolean finished;

    RunningJob(Job job, Thread thread) {
        this.job = job;
        this.thread = thread;
    }

    @Override
    public boolean stopping() {
        return stopping;
    }

    /** Asks the handler to stop: sets the flag and interrupts its thread, unless the handler has already returned. */
    synchronized void stop() {
        stopping = true;
        if (!finished) {
            thread.interrupt();
        }
    }

    /** Called by the worker's thread when the handler has returned: from now on, {@link #stop} interrupts nothing. */
    synchronized void finished() {
        finished = true;
    }

    void renewed() {
        renewedAt = System.nanoTime();
    }

    long nanosSinceRenewal() {
        return System.nanoTime() - renewedAt;
    }
}
