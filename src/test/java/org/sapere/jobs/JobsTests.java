package org.sapere.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.jobs.JobStatus.State;
import org.sapere.jobs.domain.JobQueue;
import org.sapere.jobs.domain.JobSignal;
import org.sapere.jobs.domain.JobWorker;
import org.sapere.jobs.domain.JobsProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job queue on a real PostgreSQL. Each test runs its own workers (as a second instance would), with short leases
 * and polls, for job types of its own: the application's worker has no handlers for them.
 */
@Tag("db")
@SpringBootTest
class JobsTests {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final Duration RETRY_DELAY = Duration.ofMillis(200);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    Jobs jobs;

    @Autowired
    JobQueue queue;

    @Autowired
    JobSignal signal;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    private final List<JobWorker> workers = new ArrayList<>();

    @AfterEach
    void stopWorkers() {
        workers.forEach(JobWorker::stop);
    }

    @Test
    void aJobRunsOnceAndSucceeds() {
        var handler = new JobsTestHandler(type("once"), (job, context) -> {});
        start(fast(), handler);

        var id = jobs.enqueue(handler.type(), "{\"video\":42}");

        var status = awaitState(id, State.SUCCEEDED);
        assertThat(handler.runs).singleElement().isEqualTo(new Job(id, handler.type(), "{\"video\":42}", 1));
        assertThat(status.attempts()).isEqualTo(1);
        assertThat(status.lastError()).isNull();
        assertThat(status.finishedAt()).isNotNull().isAfterOrEqualTo(status.createdAt());
        assertThat(leaseOwner(id)).isNull();
    }

    @Test
    void aFailingJobIsRetriedWithGrowingDelaysThenFails() {
        var started = new ConcurrentHashMap<Integer, Long>();
        var handler = new JobsTestHandler(type("failing"), 3, (job, context) -> {
            started.put(job.attempt(), System.nanoTime());
            throw new IllegalStateException("disk full at attempt " + job.attempt());
        });
        start(fast(), handler);

        var id = jobs.enqueue(handler.type(), "{}");

        var status = awaitState(id, State.FAILED);
        assertThat(handler.runs).extracting(Job::attempt).containsExactly(1, 2, 3);
        assertThat(status.attempts()).isEqualTo(3);
        assertThat(status.lastError()).isEqualTo("java.lang.IllegalStateException: disk full at attempt 3");
        // The second attempt waits the retry delay, the third twice as long (a little slack for clock reads).
        assertThat(Duration.ofNanos(started.get(2) - started.get(1))).isGreaterThanOrEqualTo(millis(0.9 * 200));
        assertThat(Duration.ofNanos(started.get(3) - started.get(2))).isGreaterThanOrEqualTo(millis(0.9 * 400));
    }

    @Test
    void aJobThatFailsOnceSucceedsOnTheNextAttemptAndKeepsTheError() {
        var handler = new JobsTestHandler(type("flaky"), (job, context) -> {
            if (job.attempt() == 1) {
                throw new java.io.IOException("connection reset", new RuntimeException("peer gone"));
            }
        });
        start(fast(), handler);

        var status = awaitState(jobs.enqueue(handler.type(), "{}"), State.SUCCEEDED);

        assertThat(status.attempts()).isEqualTo(2);
        assertThat(status.lastError())
                .isEqualTo("java.io.IOException: connection reset (caused by java.lang.RuntimeException: peer gone)");
    }

    @Test
    void aPermanentFailureFailsAtOnceWithItsMessage() {
        var handler = new JobsTestHandler(type("permanent"), (job, context) -> {
            throw new PermanentJobFailure("unreadable input: not a video");
        });
        start(fast(), handler);

        var status = awaitState(jobs.enqueue(handler.type(), "{}"), State.FAILED);

        assertThat(handler.runs).hasSize(1);
        assertThat(status.attempts()).isEqualTo(1);
        assertThat(status.lastError()).isEqualTo("unreadable input: not a video");
    }

    @Test
    void aLongErrorMessageIsCut() {
        var handler = new JobsTestHandler(type("verbose"), (job, context) -> {
            throw new PermanentJobFailure("x".repeat(5000));
        });
        start(fast(), handler);

        var status = awaitState(jobs.enqueue(handler.type(), "{}"), State.FAILED);

        assertThat(status.lastError()).hasSize(1000).endsWith("…");
    }

    @Test
    void aDedupeKeyAllowsOneUnfinishedJobAtATime() throws Exception {
        var type = type("dedupe");
        var key = type + ":video-7";

        var first = jobs.enqueue(type, "{\"v\":1}", key);
        assertThat(jobs.enqueue(type, "{\"v\":2}", key)).isEqualTo(first);
        assertThat(jobs.enqueue(type, "{}", type + ":video-8")).isNotEqualTo(first);
        assertThat(jobs.enqueue(type, "{}")).isNotEqualTo(first);

        // Callers racing with a fresh key still end up with one job.
        var raced = type + ":video-9";
        try (var pool = Executors.newFixedThreadPool(8)) {
            var ids = pool.invokeAll(java.util.Collections.nCopies(8, () -> jobs.enqueue(type, "{}", raced))).stream()
                    .map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    })
                    .distinct()
                    .toList();
            assertThat(ids).hasSize(1);
        }

        // Once the job has finished, the key is free again.
        var handler = new JobsTestHandler(type, (job, context) -> {});
        start(fast(), handler);
        awaitState(first, State.SUCCEEDED);
        var second = jobs.enqueue(type, "{\"v\":3}", key);
        assertThat(second).isNotEqualTo(first);
        awaitState(second, State.SUCCEEDED);
        assertThat(handler.runs)
                .filteredOn(j -> j.payload().startsWith("{\"v\""))
                .extracting(Job::payload)
                .containsExactly("{\"v\":1}", "{\"v\":3}");
    }

    @Test
    void twoInstancesNeverRunOneJobTwiceOrAtTheSameTime() {
        var type = type("shared");
        var count = 150;
        var ids = new ArrayList<UUID>();
        transaction.executeWithoutResult(tx -> {
            for (var i = 0; i < count; i++) {
                ids.add(jobs.enqueue(type, "{\"n\":" + i + "}"));
            }
        });
        var inProgress = new ConcurrentHashMap<UUID, Integer>();
        var overlaps = ConcurrentHashMap.<UUID>newKeySet();
        JobsTestHandler.Body body = (job, context) -> {
            if (inProgress.merge(job.id(), 1, Integer::sum) > 1) {
                overlaps.add(job.id());
            }
            Thread.sleep(3);
            inProgress.merge(job.id(), -1, Integer::sum);
        };
        var one = new JobsTestHandler(type, body);
        var two = new JobsTestHandler(type, body);
        start(settings(3, Duration.ofMillis(50), Duration.ofSeconds(5)), one);
        start(settings(3, Duration.ofMillis(50), Duration.ofSeconds(5)), two);

        await().atMost(WAIT).until(() -> countOf(type, State.SUCCEEDED) == count);

        var runs = new ArrayList<Job>(one.runs);
        runs.addAll(two.runs);
        assertThat(runs).extracting(Job::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(runs).extracting(Job::attempt).containsOnly(1);
        assertThat(overlaps).isEmpty();
        System.out.printf("Jobs: instance one ran %d jobs, instance two %d%n", one.runs.size(), two.runs.size());
    }

    @Test
    void aJobWhoseWorkerCrashedIsTakenOverWhenItsLeaseExpires() {
        var type = type("crashed");
        var crashed = jobs.enqueue(type, "{}");
        var alive = jobs.enqueue(type, "{}");
        // As a worker that died mid-job leaves it: running, under a lease that has run out...
        leaseTo(crashed, "dead-host/1/aaaaaaaa", "now() - interval '1 second'");
        // ...and one whose worker is still alive elsewhere.
        leaseTo(alive, "other-host/2/bbbbbbbb", "now() + interval '1 hour'");
        var handler = new JobsTestHandler(type, (job, context) -> {});
        start(fast(), handler);

        var status = awaitState(crashed, State.SUCCEEDED);

        assertThat(handler.runs).singleElement().extracting(Job::attempt).isEqualTo(2);
        assertThat(status.attempts()).isEqualTo(2);
        assertThat(jobs.status(alive).orElseThrow().state()).isEqualTo(State.RUNNING);
        assertThat(leaseOwner(alive)).isEqualTo("other-host/2/bbbbbbbb");
        // The dead worker's late outcome no longer applies: its lease is fenced off.
        var late = new Job(crashed, type, "{}", 1);
        assertThat(queue.fail(late, "dead-host/1/aaaaaaaa", "late")).isFalse();
        assertThat(queue.release(late, "dead-host/1/aaaaaaaa")).isFalse();
        assertThat(jobs.status(crashed).orElseThrow().state()).isEqualTo(State.SUCCEEDED);
    }

    @Test
    void aJobWhoseLastAttemptCrashedFailsWithoutRunningAgain() {
        var type = type("crashed-last");
        var id = jobs.enqueue(type, "{}");
        leaseTo(id, "dead-host/1/cccccccc", "now() - interval '1 second'");
        jdbc.sql("UPDATE jobs.job SET attempts = 3 WHERE id = :id")
                .param("id", id)
                .update();
        var handler = new JobsTestHandler(type, 3, (job, context) -> {});
        start(fast(), handler);

        var status = awaitState(id, State.FAILED);

        assertThat(handler.runs).isEmpty();
        assertThat(status.lastError()).contains("did not finish");
    }

    @Test
    void aWorkerThatLostItsLeaseTellsItsHandlerToStop() {
        var type = type("stolen");
        var running = new CountDownLatch(1);
        var sawStopping = new AtomicBoolean();
        var handler = new JobsTestHandler(type, (job, context) -> {
            running.countDown();
            while (!context.stopping()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    break;
                }
            }
            sawStopping.set(context.stopping());
        });
        var worker = start(fast(), handler);
        var id = jobs.enqueue(type, "{}");
        awaitLatch(running);

        // Another instance took the job over (as after a pause longer than the lease).
        jdbc.sql("UPDATE jobs.job SET lease_owner = 'thief/3/dddddddd' WHERE id = :id")
                .param("id", id)
                .update();

        await().atMost(WAIT).untilTrue(sawStopping);
        // Stopping waits for the worker's thread, which has then tried (and failed) to give the job back.
        worker.stop();
        assertThat(jobs.status(id).orElseThrow().state()).isEqualTo(State.RUNNING);
        assertThat(leaseOwner(id)).isEqualTo("thief/3/dddddddd");
    }

    @Test
    void stoppingGivesARunningJobBackSoThatTheNextWorkerFinishesIt() {
        var type = type("shutdown");
        var running = new CountDownLatch(1);
        var interrupted = new AtomicBoolean();
        var stoppingWhenInterrupted = new AtomicBoolean();
        var first = new JobsTestHandler(type, (job, context) -> {
            running.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(10));
            } catch (InterruptedException e) {
                interrupted.set(true);
                stoppingWhenInterrupted.set(context.stopping());
                throw e;
            }
        });
        var worker = start(fast(), first);
        var id = jobs.enqueue(type, "{}");
        awaitLatch(running);

        var stopped = System.nanoTime();
        worker.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(5));
        assertThat(interrupted).isTrue();
        assertThat(stoppingWhenInterrupted).isTrue();
        var released = jobs.status(id).orElseThrow();
        assertThat(released.state()).isEqualTo(State.QUEUED);
        assertThat(released.attempts()).isZero();
        assertThat(released.lastError()).isNull();
        assertThat(released.runAt()).isBeforeOrEqualTo(Instant.now().plusSeconds(1));
        assertThat(leaseOwner(id)).isNull();

        var second = new JobsTestHandler(type, (job, context) -> {});
        start(fast(), second);
        awaitState(id, State.SUCCEEDED);
        assertThat(second.runs).singleElement().extracting(Job::attempt).isEqualTo(1);
    }

    @Test
    void aHandlerThatIgnoresStoppingHasItsJobGivenBackAfterTheWait() throws Exception {
        var type = type("stubborn");
        var running = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var thread = new AtomicReference<Thread>();
        var handler = new JobsTestHandler(type, (job, context) -> {
            thread.set(Thread.currentThread());
            running.countDown();
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    // ignores being asked to stop
                }
            }
        });
        var worker = start(settings(1, Duration.ofMillis(100), Duration.ofMillis(300)), handler);
        var id = jobs.enqueue(type, "{}");
        awaitLatch(running);

        worker.stop();

        var released = jobs.status(id).orElseThrow();
        assertThat(released.state()).isEqualTo(State.QUEUED);
        assertThat(released.attempts()).isZero();
        // When the handler returns at last, its outcome is dropped: the job is no longer its worker's.
        release.countDown();
        thread.get().join(WAIT);
        assertThat(thread.get().isAlive()).isFalse();
        assertThat(jobs.status(id).orElseThrow().state()).isEqualTo(State.QUEUED);
        assertThat(leaseOwner(id)).isNull();
    }

    @Test
    void aJobEnqueuedInARolledBackTransactionDoesNotExist() {
        var type = type("rolled-back");
        var id = transaction.execute(tx -> {
            var enqueued = jobs.enqueue(type, "{}");
            assertThat(jobs.status(enqueued)).isPresent();
            tx.setRollbackOnly();
            return enqueued;
        });

        assertThat(jobs.status(id)).isEmpty();
        assertThat(countOf(type, State.QUEUED)).isZero();
    }

    @Test
    void committingAnEnqueueWakesAnIdleWorkerAtOnce() {
        var type = type("wake");
        var handler = new JobsTestHandler(type, (job, context) -> {});
        // It polls once at start and then only every hour: only being woken can make it run the jobs below.
        start(settings(1, Duration.ofHours(1), Duration.ofSeconds(5)), handler);
        awaitState(jobs.enqueue(type, "{}"), State.SUCCEEDED);

        var id = transaction.execute(tx -> jobs.enqueue(type, "{}"));

        awaitState(id, State.SUCCEEDED);
    }

    @Test
    void aJobOfATypeWithoutAHandlerHereStaysQueued() {
        var other = type("nobody-here");
        var waiting = jobs.enqueue(other, "{}");
        var handler = new JobsTestHandler(type("somebody"), (job, context) -> {});
        var worker = start(fast(), handler);
        awaitState(jobs.enqueue(handler.type(), "{}"), State.SUCCEEDED);

        assertThat(queue.claim(worker.owner(), Set.of(handler.type()), LEASE)).isEmpty();
        var status = jobs.status(waiting).orElseThrow();
        assertThat(status.state()).isEqualTo(State.QUEUED);
        assertThat(status.attempts()).isZero();
    }

    @Test
    void statusOfAnUnknownJobIsEmpty() {
        assertThat(jobs.status(UUID.randomUUID())).isEmpty();
    }

    private JobWorker start(JobsProperties settings, JobHandler handler) {
        var worker = new JobWorker(queue, List.of(handler), settings, signal, new SimpleMeterRegistry());
        workers.add(worker);
        worker.start();
        return worker;
    }

    private static JobsProperties fast() {
        return settings(2, Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    private static JobsProperties settings(int threads, Duration poll, Duration shutdownWait) {
        return new JobsProperties(true, threads, poll, LEASE, RETRY_DELAY, shutdownWait, Duration.ofDays(7));
    }

    private static String type(String name) {
        return "test." + name + "." + RUN;
    }

    private JobStatus awaitState(UUID id, State state) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> jobs.status(id).map(JobStatus::state).orElse(null) == state);
        return jobs.status(id).orElseThrow();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private void leaseTo(UUID id, String owner, String until) {
        jdbc.sql("UPDATE jobs.job SET state = 'RUNNING', attempts = 1, lease_owner = :owner, lease_until = " + until
                        + ", started_at = now() WHERE id = :id")
                .param("owner", owner)
                .param("id", id)
                .update();
    }

    private @org.jspecify.annotations.Nullable String leaseOwner(UUID id) {
        return jdbc.sql("SELECT lease_owner FROM jobs.job WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private long countOf(String type, State state) {
        return jdbc.sql("SELECT count(*) FROM jobs.job WHERE type = :type AND state = :state")
                .param("type", type)
                .param("state", state.name())
                .query(Long.class)
                .single();
    }

    private static Duration millis(double millis) {
        return Duration.ofNanos((long) (millis * 1_000_000));
    }
}
