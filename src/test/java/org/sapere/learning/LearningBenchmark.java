package org.sapere.learning;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.sapere.course.domain.Courses;
import org.sapere.support.BenchmarkCpu;
import org.sapere.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The learning benchmark (bench/learning.sh), for issue 8's targets, on the application with its own embedded
 * PostgreSQL as it runs in production (data folder under target/bench, fsync and synchronous commit on):
 *
 * <ol>
 *   <li><b>Population</b>: {@code sapere.bench.courses} (200) more published courses of 2 modules of 4 readings,
 *       {@code sapere.bench.learners} (100,000) learner accounts, each enrolled in 10 of the ~210 courses (1,000,000
 *       enrolments), with lesson progress in a third of them and every lesson done in one in fifty (see
 *       {@link LearningData}). Timed and printed.
 *   <li><b>"My learning"</b>: {@code sapere.bench.connections} (64) of those learners sign in over HTTP; each holds a
 *       keep-alive connection and requests {@code GET /learn} again as soon as the last answer came, for a warm-up
 *       and then {@code sapere.bench.seconds} (30) measured seconds. The same connections fetch the stylesheet (a
 *       static file) before and after, as the baseline of the same run. Prints requests/s, p50/p95/p99/max, the
 *       ratio to the baseline (target at least 0.40) and the p99 (target at most 50 ms), the CPU a page took and the
 *       queries it sent.
 *   <li><b>Heartbeats</b>: the same learners post batches of {@value HeartbeatBatches#EVENTS} player events to
 *       {@code POST /learn/heartbeats} in the same way (target at least 3,000 requests/s), then the benchmark waits
 *       until every accepted event is a statement in the record store and prints how long that took. Skipped, and
 *       said so, while the application has no such endpoint.
 * </ol>
 *
 * Writes the report to target/bench/learning.txt.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "sapere.bench", matches = "true")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sapere.demo.extra-learners=0",
            "logging.level.root=WARN",
            // The durable embedded database of a real installation, not the tests' throw-away one.
            "sapere.db.embedded-ephemeral=false"
        })
class LearningBenchmark {

    static final int LEARNERS = Integer.getInteger("sapere.bench.learners", 100_000);
    static final int COURSES = Integer.getInteger("sapere.bench.courses", 200);
    static final int ENROLMENTS_EACH = 10;
    static final int CONNECTIONS = Integer.getInteger("sapere.bench.connections", 64);
    static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("sapere.bench.seconds", 30));
    static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("sapere.bench.warm-up", 15));
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(Integer.getInteger("sapere.bench.drain-limit", 600));
    /** The parts to measure, "learn" and "heartbeats" (both unless -Dsapere.bench.parts names one). */
    static final String PARTS = System.getProperty("sapere.bench.parts", "learn,heartbeats");
    /** With -Dsapere.bench.jfr=true, the measured /learn and heartbeat phases are recorded into target/bench/. */
    static final boolean JFR = Boolean.getBoolean("sapere.bench.jfr");

    private static final Path DATA = Path.of("target", "bench", "learning-data");
    private static final String STATIC = "/css/sapere.css";
    private static final String PASSWORD_OF = "rossi@polimi.example";
    private static final int SIGN_IN_THREADS = 4;
    /** How long PostgreSQL's backends may keep their statistics before reporting them, when idle. */
    private static final Duration STATISTICS_DELAY = Duration.ofSeconds(11);

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Courses courses;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MeterRegistry meters;

    private final LearningReport report = new LearningReport(CORES);

    /** A fresh data folder for the embedded database: a run never measures the previous run's leftovers. */
    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws IOException {
        FileSystemUtils.deleteRecursively(DATA);
        Files.createDirectories(DATA);
        registry.add("sapere.data-dir", () -> DATA.toAbsolutePath().toString());
    }

    @Test
    void learning() throws Exception {
        populate();
        var sessions = signIn();
        var connections = new ArrayList<KeepAliveConnection>();
        for (var k = 0; k < sessions.size(); k++) {
            connections.add(new KeepAliveConnection(port));
        }
        try {
            if (PARTS.contains("learn")) {
                learnPages(sessions, connections);
            }
            if (PARTS.contains("heartbeats")) {
                heartbeats(sessions, connections);
            }
        } finally {
            for (var connection : connections) {
                connection.close();
            }
        }
        report.line("Load average at the end (this machine is shared): " + loadAverage());
        System.out.println(report);
        var out = Path.of("target", "bench", "learning.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    private void populate() throws InterruptedException {
        var data = data();
        var t0 = System.nanoTime();
        data.courses(COURSES, 2, 4);
        var t1 = System.nanoTime();
        var accounts = data.learners(LEARNERS, PASSWORD_OF);
        var t2 = System.nanoTime();
        var enrolments = data.enrolments(ENROLMENTS_EACH);
        var t3 = System.nanoTime();
        var progress = data.progress();
        var t4 = System.nanoTime();
        data.settle();
        var t5 = System.nanoTime();
        report.population(
                COURSES,
                seconds(t0, t1),
                accounts,
                seconds(t1, t2),
                enrolments,
                seconds(t2, t3),
                progress,
                seconds(t3, t4),
                seconds(t4, t5));
        report.line("   in the database: " + data.summary());
    }

    /** Signs the measured learners in (spread over the 100,000) and checks that each sees their ten courses. */
    private List<LearnerSession> signIn() throws Exception {
        var t0 = System.nanoTime();
        var sessions = new ArrayList<LearnerSession>();
        try (var pool = Executors.newFixedThreadPool(SIGN_IN_THREADS)) {
            var signing = new ArrayList<Future<LearnerSession>>();
            for (var k = 0; k < CONNECTIONS; k++) {
                var number = 1 + k * (LEARNERS / CONNECTIONS);
                signing.add(pool.submit(() -> signIn(number)));
            }
            for (var session : signing) {
                sessions.add(session.get());
            }
        }
        report.line("   %d of them signed in over HTTP (Argon2id), each seeing their %d courses on /learn, in %.1f s%n"
                .formatted(CONNECTIONS, ENROLMENTS_EACH, seconds(t0, System.nanoTime())));
        return sessions;
    }

    private LearnerSession signIn(int number) throws IOException, InterruptedException {
        var email = LearningData.email(number);
        var web = new WebSession(port).signIn(email);
        var page = web.get("/learn");
        var cards = page.body().split("<li class=\"card\">", -1).length - 1;
        if (page.statusCode() != 200 || cards != ENROLMENTS_EACH) {
            throw new AssertionError(email + " saw /learn answer " + page.statusCode() + " with " + cards + " courses");
        }
        var account = data().account(email);
        var lessons = data().lessonsOf(account);
        return new LearnerSession(number, account, web.cookieHeader(), web.csrf(), lessons);
    }

    private void learnPages(List<LearnerSession> sessions, List<KeepAliveConnection> connections) throws Exception {
        var css = sessions.stream()
                .map(s -> KeepAliveConnection.get(STATIC, s.cookie()))
                .toList();
        var learn = sessions.stream()
                .map(s -> KeepAliveConnection.get("/learn", s.cookie()))
                .toList();
        var cssLength = connections.getFirst().send(css.getFirst(), false).length();
        Predicate<KeepAliveConnection.Response> stylesheet = r -> r.status() == 200 && r.length() == cssLength;
        Predicate<KeepAliveConnection.Response> page = r -> r.status() == 200 && r.length() > 1_000;

        ClosedLoop.run(connections, css::get, stylesheet, false, Duration.ofSeconds(10), Duration.ZERO);
        var before = measure("static", connections, css::get, stylesheet, false);
        ClosedLoop.run(connections, learn::get, page, false, WARM_UP, Duration.ZERO);
        var pages = measure("learn", connections, learn::get, page, false);
        var after = measure("static", connections, css::get, stylesheet, false);
        report.learnPages(CONNECTIONS, STATIC, before, pages, after);
    }

    private void heartbeats(List<LearnerSession> sessions, List<KeepAliveConnection> connections) throws Exception {
        var batches = new HeartbeatBatches(sessions);
        var firstSeq = data().lastStatement();
        var probe = connections.getFirst().send(batches.next(0), true);
        if (probe.status() == 404 || probe.status() == 405) {
            report.heartbeatsMissing(probe.status());
            return;
        }
        if (!batches.answered(probe)) {
            report.heartbeatsRefused(probe.status(), probe.text());
            return;
        }
        ClosedLoop.run(connections, batches::next, batches::answered, true, Duration.ofSeconds(10), Duration.ZERO);
        var writes = new TableWrites(jdbc);
        Thread.sleep(STATISTICS_DELAY.toMillis());
        var written = writes.now();
        var measured = measure("heartbeats", connections, batches::next, batches::answered, true);
        var loadEnded = System.nanoTime();
        var cpu = new BenchmarkCpu(jdbc);
        var drainStart = cpu.now();
        var expected = batches.accepted.sum();
        var storedAtEnd = data().statementsSince(firstSeq);
        var stored = awaitStatements(firstSeq, expected, loadEnded);
        var lag = seconds(loadEnded, System.nanoTime());
        var drainCpu = cpu.now();
        Thread.sleep(STATISTICS_DELAY.toMillis());
        var writesPerBatch =
                TableWrites.perRequest(written, writes.now(), measured.result().requests());
        report.heartbeats(
                measured,
                expected,
                batches.refused.sum(),
                storedAtEnd,
                stored,
                lag,
                drainStart,
                drainCpu,
                DRAIN_LIMIT,
                writesPerBatch);
    }

    /** Waits (at most the drain limit) until the store holds the expected statements; how many it holds then. */
    private long awaitStatements(long afterSeq, long expected, long loadEnded) throws InterruptedException {
        long stored;
        while ((stored = data().statementsSince(afterSeq)) < expected
                && System.nanoTime() - loadEnded < DRAIN_LIMIT.toNanos()) {
            Thread.sleep(100);
        }
        return stored;
    }

    /** One measured phase, with the CPU it used, the pool's connections it took and the load average after it. */
    private LearningReport.Phase measure(
            String name,
            List<KeepAliveConnection> connections,
            IntFunction<byte[]> request,
            Predicate<KeepAliveConnection.Response> ok,
            boolean bodies)
            throws Exception {
        var cpu = new BenchmarkCpu(jdbc);
        var borrowed = borrowed();
        var start = cpu.now();
        var result = profiled(name, () -> ClosedLoop.run(connections, request, ok, bodies, Duration.ZERO, MEASURED));
        var end = cpu.now();
        return new LearningReport.Phase(result, start, end, borrowed() - borrowed, loadAverage());
    }

    private LearningData data() {
        return new LearningData(jdbc, courses, transactions, events);
    }

    /** Connections taken from the pool so far: one for each query that runs outside a transaction. */
    private long borrowed() {
        var timer = meters.find("hikaricp.connections.usage").timer();
        return timer == null ? -1 : timer.count();
    }

    /** Runs a measured phase, in a flight recording (JFR's profile settings) when asked for. */
    private static <T> T profiled(String phase, Callable<T> measured) throws Exception {
        if (!JFR || phase.equals("static")) {
            return measured.call();
        }
        try (var recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            var result = measured.call();
            recording.stop();
            recording.dump(Path.of("target", "bench", "learning-" + phase + ".jfr"));
            return result;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
