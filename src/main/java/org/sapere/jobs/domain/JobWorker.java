package org.sapere.jobs.domain;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.sapere.jobs.Job;
import org.sapere.jobs.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the jobs this instance has handlers for, on {@code sapere.jobs.workers} threads. Each thread claims a due job,
 * runs its handler and records the outcome; a shared thread renews the leases of running jobs every third of the
 * lease and asks a handler to stop when its lease turns out to be lost. Stopping (a graceful shutdown) asks running
 * handlers to stop, waits {@code sapere.jobs.shutdown-wait} for them and gives the jobs still running back to the
 * queue, so that the next worker to start picks them up at once.
 */
public class JobWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    /** How often succeeded jobs are cleared out and jobs nobody here can run are looked for. */
    private static final Duration HOUSEKEEPING_EVERY = Duration.ofMinutes(10);

    private final JobQueue queue;
    private final Map<String, JobHandler> handlers;
    private final JobsProperties properties;
    private final JobSignal signal;
    private final JobAttempts attempts;
    private final String owner;
    private final Map<UUID, RunningJob> running = new ConcurrentHashMap<>();
    private final Set<String> reportedUnhandled = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean active;
    private @Nullable ScheduledExecutorService leases;

    public JobWorker(
            JobQueue queue,
            List<JobHandler> handlers,
            JobsProperties properties,
            JobSignal signal,
            MeterRegistry meters) {
        this.queue = queue;
        this.handlers = handlers.stream()
                .collect(Collectors.toUnmodifiableMap(JobHandler::type, Function.identity(), (a, b) -> {
                    throw new IllegalStateException(
                            "Two job handlers for type " + a.type() + ": " + a.getClass() + " and " + b.getClass());
                }));
        this.properties = properties;
        this.signal = signal;
        this.owner = hostName() + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        this.attempts = new JobAttempts(queue, owner, properties, meters);
    }

    /** The name this worker leases jobs under ({@code host/pid/random}), unique to it. */
    public String owner() {
        return owner;
    }

    @Override
    public synchronized void start() {
        if (active) {
            return;
        }
        active = true;
        var scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon(true).name("jobs-lease").factory());
        var renewEvery = properties.lease().toMillis() / 3;
        scheduler.scheduleWithFixedDelay(this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(
                this::housekeeping,
                properties.pollInterval().toMillis(),
                HOUSEKEEPING_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        leases = scheduler;
        if (handlers.isEmpty()) {
            log.info("Job worker {}: no job handlers on this instance, so it runs no jobs", owner);
            return;
        }
        for (var i = 1; i <= properties.workers(); i++) {
            var thread =
                    Thread.ofPlatform().daemon(true).name("jobs-worker-" + i).unstarted(this::work);
            threads.add(thread);
            thread.start();
        }
        log.info("Job worker {} runs {} on {} thread(s)", owner, handlers.keySet(), threads.size());
    }

    @Override
    public synchronized void stop() {
        if (!active) {
            return;
        }
        active = false;
        signal.wake();
        running.values().forEach(RunningJob::stop);
        var deadline = System.nanoTime() + properties.shutdownWait().toNanos();
        for (var thread : threads) {
            try {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
        if (leases != null) {
            leases.shutdownNow();
            leases = null;
        }
        for (var job : running.values()) {
            log.warn(
                    "Job {} ({}) did not stop within {}: queued again while its handler may still run",
                    job.job.id(),
                    job.job.type(),
                    properties.shutdownWait());
            attempts.release(job);
        }
    }

    @Override
    public boolean isRunning() {
        return active;
    }

    private void work() {
        while (active) {
            var mark = signal.mark();
            var claimed = claim();
            if (claimed != null) {
                run(claimed);
                continue;
            }
            try {
                signal.await(mark, properties.pollInterval());
            } catch (InterruptedException e) {
                // Nothing interrupts an idle worker on purpose; go on while active.
            }
        }
    }

    private @Nullable Job claim() {
        try {
            return queue.claim(owner, handlers.keySet(), properties.lease()).orElse(null);
        } catch (RuntimeException e) {
            log.warn("Job worker {} could not look for jobs: {}", owner, e.toString());
            return null;
        }
    }

    private void run(Job job) {
        var handler = handlers.get(job.type());
        var context = new RunningJob(job, Thread.currentThread());
        running.put(job.id(), context);
        try {
            if (!active) {
                // Claimed while stop() began: give it back untouched.
                attempts.release(context);
            } else {
                attempts.run(handler, context);
            }
        } catch (RuntimeException e) {
            log.error(
                    "Job {} ({}): could not record the outcome of attempt {}", job.id(), job.type(), job.attempt(), e);
        } finally {
            running.remove(job.id());
        }
    }

    private void renewLeases() {
        var lease = properties.lease();
        for (var context : running.values()) {
            if (context.stopping()) {
                continue;
            }
            var job = context.job;
            try {
                if (queue.renew(job, owner, lease)) {
                    context.renewed();
                } else {
                    log.warn("Job {} ({}) lost its lease: asking its handler to stop", job.id(), job.type());
                    context.stop();
                }
            } catch (RuntimeException e) {
                log.warn("Could not renew the lease of job {} ({}): {}", job.id(), job.type(), e.toString());
                if (context.nanosSinceRenewal() >= lease.toNanos()) {
                    log.warn("Job {} ({}): its lease has run out; asking its handler to stop", job.id(), job.type());
                    context.stop();
                }
            }
        }
    }

    private void housekeeping() {
        try {
            var deleted = queue.deleteSucceeded(properties.keepSucceeded());
            if (deleted > 0) {
                log.debug("Deleted {} jobs that succeeded more than {} ago", deleted, properties.keepSucceeded());
            }
            for (var type : queue.dueTypesOtherThan(handlers.keySet())) {
                if (reportedUnhandled.add(type)) {
                    log.warn(
                            "Jobs of type {} are due but this instance has no handler for them: they stay queued"
                                    + " for an instance that has one",
                            type);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Job housekeeping failed: {}", e.toString());
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
