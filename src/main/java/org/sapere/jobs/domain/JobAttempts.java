package org.sapere.jobs.domain;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.sapere.jobs.Job;
import org.sapere.jobs.JobHandler;
import org.sapere.jobs.PermanentJobFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one attempt at a claimed job on the calling thread and records how it ended: succeeded, queued again after a
 * back-off, failed for good, or given back because the worker asked the handler to stop. Every record is fenced by
 * the worker's lease, and counted in the timer {@code sapere.jobs.attempts} by type and outcome.
 */
final class JobAttempts {

    private static final Logger log = LoggerFactory.getLogger(JobAttempts.class);

    private final JobQueue queue;
    private final String owner;
    private final JobsProperties properties;
    private final MeterRegistry meters;

    JobAttempts(JobQueue queue, String owner, JobsProperties properties, MeterRegistry meters) {
        this.queue = queue;
        this.owner = owner;
        this.properties = properties;
        this.meters = meters;
    }

    void run(JobHandler handler, RunningJob context) {
        var job = context.job;
        var maxAttempts = Math.max(1, handler.maxAttempts());
        if (job.attempt() > maxAttempts) {
            // The last allowed attempt ran on a worker that vanished (a crash) and its lease expired.
            log.error("Job {} ({}) failed: its last attempt never finished", job.id(), job.type());
            var failed = queue.fail(job, owner, "The last attempt did not finish: its worker stopped");
            count(job, recorded(job, failed, "failed"), 0);
            return;
        }
        var started = System.nanoTime();
        Throwable failure = null;
        try {
            handler.run(job, context);
        } catch (Throwable e) {
            failure = e;
        } finally {
            context.finished();
            // An interruption meant for this job must not reach the database calls below or the next job.
            Thread.interrupted();
        }
        count(job, settle(context, maxAttempts, failure), System.nanoTime() - started);
    }

    /** Records how the attempt ended; returns the outcome's name for the metrics. */
    private String settle(RunningJob context, int maxAttempts, @Nullable Throwable failure) {
        var job = context.job;
        if (context.stopping()) {
            // Whatever the handler did, it was asked to stop: it may have returned half-way.
            return release(context) ? "released" : "lost";
        }
        if (failure == null) {
            return recorded(job, queue.succeed(job, owner), "succeeded");
        }
        if (failure instanceof PermanentJobFailure || job.attempt() >= maxAttempts) {
            log.error(
                    "Job {} ({}) failed at attempt {} of {}, for good",
                    job.id(),
                    job.type(),
                    job.attempt(),
                    maxAttempts,
                    failure);
            return recorded(job, queue.fail(job, owner, describe(failure)), "failed");
        }
        var delay = properties.backoff(job.attempt());
        log.warn(
                "Job {} ({}) failed at attempt {} of {}; trying again in {}",
                job.id(),
                job.type(),
                job.attempt(),
                maxAttempts,
                delay,
                failure);
        return recorded(job, queue.retry(job, owner, delay, describe(failure)), "retried");
    }

    /** Gives the job back to the queue without counting the attempt; false if it was no longer this worker's. */
    boolean release(RunningJob context) {
        var job = context.job;
        try {
            if (queue.release(job, owner)) {
                log.info("Job {} ({}) stopped at attempt {} and queued again", job.id(), job.type(), job.attempt());
                return true;
            }
            log.info(
                    "Job {} ({}) stopped; it was no longer this worker's (given back already, or taken over)",
                    job.id(),
                    job.type());
        } catch (RuntimeException e) {
            log.warn(
                    "Job {} ({}) could not be queued again; its lease will expire: {}",
                    job.id(),
                    job.type(),
                    e.toString());
        }
        return false;
    }

    private String recorded(Job job, boolean applied, String outcome) {
        if (applied) {
            return outcome;
        }
        log.warn(
                "Job {} ({}): attempt {} lost its lease before it ended; its outcome is dropped",
                job.id(),
                job.type(),
                job.attempt());
        return "lost";
    }

    private void count(Job job, String outcome, long nanos) {
        Timer.builder("sapere.jobs.attempts")
                .description("Attempts at background jobs, by type and outcome")
                .tag("type", job.type())
                .tag("outcome", outcome)
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The exception for {@code last_error}: its class and message, and its root cause's. */
    static String describe(Throwable failure) {
        var text = failure instanceof PermanentJobFailure && failure.getMessage() != null
                ? failure.getMessage()
                : failure.toString();
        var root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? text : text + " (caused by " + root + ")";
    }
}
