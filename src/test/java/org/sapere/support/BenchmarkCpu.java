package org.sapere.support;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The CPU time the application's JVM (the benchmark's client included) and its PostgreSQL have used: a figure that,
 * unlike times on a shared machine, does not grow when other builds take the cores. PostgreSQL's is the sum over the
 * postmaster, its running children and those it has reaped, read from /proc; it is unknown (-1) when the database is
 * not a local process that this user can read (an external server).
 */
public final class BenchmarkCpu {

    private static final double TICK_NANOS = 1e9 / 100; // USER_HZ is 100 on Linux

    private final long postmaster;

    public BenchmarkCpu(JdbcClient jdbc) {
        postmaster = postmaster(jdbc);
    }

    public record Reading(long appNanos, long databaseNanos) {

        /** CPU milliseconds per operation since {@code start}, "app X + PostgreSQL Y" (Y "?" when unknown). */
        public String perOperation(Reading start, int operations) {
            var app = (appNanos - start.appNanos) / 1e6 / operations;
            if (databaseNanos < 0 || start.databaseNanos < 0) {
                return "app %.1f ms + PostgreSQL ? ms".formatted(app);
            }
            var database = (databaseNanos - start.databaseNanos) / 1e6 / operations;
            return "app %.1f ms + PostgreSQL %.1f ms".formatted(app, database);
        }
    }

    public Reading now() {
        var app = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new Reading(app, postmaster < 0 ? -1 : databaseNanos());
    }

    private long databaseNanos() {
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (var dir : processes.toList()) {
                var name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                var fields = stat(dir);
                if (fields == null) {
                    continue;
                }
                var pid = Long.parseLong(name);
                // Fields after the command: state is 3, ppid 4, utime 14, stime 15, cutime 16, cstime 17.
                if (pid == postmaster) {
                    ticks += sum(fields, 14, 15, 16, 17);
                } else if (Long.parseLong(fields[4 - 3]) == postmaster) {
                    ticks += sum(fields, 14, 15);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return (long) (ticks * TICK_NANOS);
    }

    private static long sum(String[] fields, int... numbers) {
        long total = 0;
        for (var number : numbers) {
            total += Long.parseLong(fields[number - 3]);
        }
        return total;
    }

    private static String @Nullable [] stat(Path process) {
        try {
            var stat = Files.readString(process.resolve("stat"), StandardCharsets.US_ASCII);
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /** The postmaster's process id, from postmaster.pid in the data directory; -1 when it cannot be read. */
    private static long postmaster(JdbcClient jdbc) {
        try {
            var directory = jdbc.sql("SHOW data_directory").query(String.class).single();
            var pid = Files.readAllLines(Path.of(directory, "postmaster.pid"))
                    .getFirst()
                    .strip();
            return Files.isDirectory(Path.of("/proc", pid)) ? Long.parseLong(pid) : -1;
        } catch (IOException | RuntimeException unknown) {
            return -1;
        }
    }
}
