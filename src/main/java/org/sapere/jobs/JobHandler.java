package org.sapere.jobs;

/**
 * Implemented by other modules as Spring beans; one handler per type. Handlers run on the worker threads of every
 * instance where {@code sapere.jobs.enabled} is true.
 *
 * <p>A job runs at least once, not exactly once: after a crash, or when a handler finishes just as its worker stops,
 * it runs again. Handlers must therefore be idempotent (write their result under a key derived from the job, replace
 * rather than append). A long handler should check {@link JobContext#stopping()} between steps and answer
 * interruption; one that starts a process must destroy it when interrupted.
 */
public interface JobHandler {

    /** The type of job this handler runs, e.g. {@code video.transcode}. */
    String type();

    /**
     * Does the work. Returning means success; throwing means a failed attempt, retried with back-off until
     * {@link #maxAttempts()} (a {@link PermanentJobFailure} fails the job at once). If {@link JobContext#stopping()}
     * became true meanwhile, the outcome is ignored and the job is queued again, this attempt not counted.
     */
    void run(Job job, JobContext context) throws Exception;

    /** How many attempts a job gets before it is {@link JobStatus.State#FAILED}. */
    default int maxAttempts() {
        return 5;
    }
}
