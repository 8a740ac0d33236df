package org.sapere.learning;

import java.time.Duration;
import org.sapere.support.BenchmarkCpu;

/** The learning benchmark's report, as text: the set-up, then a table for each measured part with its targets. */
final class LearningReport {

    private static final String HEADER = "   %-34s %10s %7s %7s %7s %7s %8s %7s %s%n";
    private static final String ROW = "   %-34s %10.0f %7.1f %7.1f %7.1f %7.1f %8d %7d   %s%n";

    private final StringBuilder text = new StringBuilder();
    private final int cores;

    LearningReport(int cores) {
        this.cores = cores;
    }

    /** A measured phase: what the client saw, the CPU readings around it, the pool's connections taken. */
    record Phase(
            ClosedLoop.Result result,
            BenchmarkCpu.Reading start,
            BenchmarkCpu.Reading end,
            long borrowed,
            String loadAverage) {

        /** Milliseconds of the application's CPU a request, the client's own CPU left out. */
        double appMillis() {
            return (end.appNanos() - start.appNanos() - result.driverCpuNanos()) / 1e6 / result.requests();
        }

        /** Milliseconds of PostgreSQL's CPU a request; NaN when unknown. */
        double databaseMillis() {
            if (start.databaseNanos() < 0 || end.databaseNanos() < 0) {
                return Double.NaN;
            }
            return (end.databaseNanos() - start.databaseNanos()) / 1e6 / result.requests();
        }
    }

    void line(String line) {
        text.append(line).append(line.endsWith("\n") ? "" : "\n");
    }

    void population(
            int courses,
            double courseSeconds,
            int accounts,
            double accountSeconds,
            int enrolments,
            double enrolmentSeconds,
            int progress,
            double progressSeconds,
            double settleSeconds) {
        line("Population (set-up, not measured):");
        line("   %,d published courses of 2 modules of 4 readings (course repository + CoursePublished): %.1f s"
                .formatted(courses, courseSeconds));
        line("   %,d learner accounts (SQL): %.1f s".formatted(accounts, accountSeconds));
        line("   %,d enrolments, %d a learner (SQL): %.1f s"
                .formatted(enrolments, enrolments / accounts, enrolmentSeconds));
        line(("   %,d lesson progress rows (a third of the enrolments 3 lessons done and 1 started, one in fifty"
                        + " all done and the course completed; SQL): %.1f s")
                .formatted(progress, progressSeconds));
        line("   VACUUM ANALYZE, CHECKPOINT and the catalogue's listings of the new courses: %.1f s"
                .formatted(settleSeconds));
    }

    void learnPages(int connections, String staticPath, Phase before, Phase pages, Phase after) {
        line("");
        line("1. \"My learning\" (GET /learn) of %d signed-in learners with %d courses each, over %d keep-alive"
                        .formatted(connections, LearningBenchmark.ENROLMENTS_EACH, connections)
                + " connections, %d s measured each:".formatted(LearningBenchmark.MEASURED.toSeconds()));
        header();
        row("static " + staticPath + " (before)", before);
        row("GET /learn", pages);
        row("static " + staticPath + " (after)", after);
        var baseline = (before.result().perSecond() + after.result().perSecond()) / 2;
        var ratio = pages.result().perSecond() / baseline;
        var p99 = pages.result().millis(99);
        line("   /learn ÷ static (the mean of before and after): %.2f   target >= 0.40: %s"
                .formatted(ratio, met(ratio >= 0.40)));
        line("   /learn p99: %.1f ms   target <= 50 ms: %s".formatted(p99, met(p99 <= 50)));
        cpu("a /learn page", pages);
        cpu("a static file (after)", after);
        bound("pages", pages);
        if (pages.borrowed() >= 0) {
            line("   queries a /learn page: %.2f (connections taken from the pool; one a query outside a transaction)"
                    .formatted((double) pages.borrowed() / pages.result().requests()));
        }
        line("   load average after each: %s | %s | %s"
                .formatted(before.loadAverage(), pages.loadAverage(), after.loadAverage()));
    }

    void heartbeatsMissing(int status) {
        line("");
        line("2. Heartbeats (POST %s): not measured, the application answers %d (no such endpoint yet)"
                .formatted(HeartbeatBatches.PATH, status));
    }

    void heartbeatsRefused(int status, String body) {
        line("");
        line("2. Heartbeats (POST %s): not measured, the first batch was answered %d: %s"
                .formatted(HeartbeatBatches.PATH, status, body.length() > 300 ? body.substring(0, 300) : body));
    }

    void heartbeats(
            Phase measured,
            long accepted,
            long refused,
            long storedAtEnd,
            long stored,
            double lag,
            BenchmarkCpu.Reading drainStart,
            BenchmarkCpu.Reading drainEnd,
            Duration limit,
            String writes) {
        var result = measured.result();
        line("");
        line(
                "2. Heartbeats (POST %s, batches of %d player events) from the same %d learners and connections, %d s measured:"
                        .formatted(
                                HeartbeatBatches.PATH,
                                HeartbeatBatches.EVENTS,
                                result.connections(),
                                LearningBenchmark.MEASURED.toSeconds()));
        header();
        row("POST " + HeartbeatBatches.PATH, measured);
        var rate = result.perSecond();
        line("   requests/s: %.0f (%.0f events/s)   target >= 3,000 requests/s: %s"
                .formatted(rate, rate * HeartbeatBatches.EVENTS, met(rate >= 3_000)));
        cpu("a batch", measured);
        if (measured.borrowed() >= 0) {
            line("   pool connections taken a batch: %.2f".formatted((double) measured.borrowed() / result.requests()));
        }
        line("   events accepted (warm-up included): %,d, refused: %,d".formatted(accepted, refused));
        line("   statements in the record store when the load stopped: %,d; all %,d there %.1f s after it stopped%s"
                .formatted(
                        storedAtEnd,
                        accepted,
                        lag,
                        stored >= accepted
                                ? ""
                                : " — NOT all: %,d after the limit of %d s".formatted(stored, limit.toSeconds())));
        var app = (drainEnd.appNanos() - drainStart.appNanos()) / 1e6;
        var database = drainEnd.databaseNanos() < 0 || drainStart.databaseNanos() < 0
                ? Double.NaN
                : (drainEnd.databaseNanos() - drainStart.databaseNanos()) / 1e6;
        line("   CPU while the store caught up: app %.0f ms + PostgreSQL %.0f ms in all".formatted(app, database));
        line("   written a batch (PostgreSQL's statistics, the statements' delivery included): " + writes);
        bound("batches", measured);
        line("   load average after: %s".formatted(measured.loadAverage()));
    }

    private void header() {
        text.append(HEADER.formatted(
                "", "requests/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "bytes", "failed", "client CPU"));
    }

    private void row(String name, Phase phase) {
        var r = phase.result();
        text.append(ROW.formatted(
                name,
                r.perSecond(),
                r.millis(50),
                r.millis(95),
                r.millis(99),
                r.maxMillis(),
                r.requests() == 0 ? 0 : r.bytes() / r.requests(),
                r.failed(),
                "%.0f µs a request, %.0f %% of %d cores"
                        .formatted(r.driverMicrosPerRequest(), 100 * r.driverShare(cores), cores)));
        r.failures().forEach((what, n) -> line("      FAILED: %,d x %s".formatted(n, what)));
    }

    private void cpu(String what, Phase phase) {
        line("   CPU %s: app %.2f ms (the client's own left out) + PostgreSQL %.2f ms"
                .formatted(what, phase.appMillis(), phase.databaseMillis()));
    }

    /**
     * What the CPU a request took allows on this machine's cores when nothing else runs, and what that means for the
     * latency of a closed loop over these connections (Little's law: connections = throughput × mean latency).
     */
    private void bound(String what, Phase phase) {
        var r = phase.result();
        var database = Double.isNaN(phase.databaseMillis()) ? 0 : phase.databaseMillis();
        var millis = phase.appMillis() + database + r.driverMicrosPerRequest() / 1e3;
        var ceiling = cores * 1_000 / millis;
        line(("   by that CPU (%.2f ms with the client's), %d idle cores give at most %.0f %s/s, so %d connections at"
                        + " least %.0f ms mean latency")
                .formatted(millis, cores, ceiling, what, r.connections(), r.connections() * 1_000 / ceiling));
    }

    private static String met(boolean met) {
        return met ? "met" : "NOT met";
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
