package org.sapere.learning;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * A closed-loop load: each connection has its own platform thread that sends a request, waits for the answer and
 * sends the next, for a warm-up and then a measured time, as many browsers holding keep-alive connections would.
 * Only requests sent inside the measured time count. The threads' own CPU time in the measured time is the
 * driver's cost, reported so that a reader can tell whether the client, which shares the cores with the
 * application, was the bottleneck.
 */
final class ClosedLoop {

    private ClosedLoop() {}

    /** What one phase measured; {@code latencies} in nanoseconds, sorted. */
    record Result(
            int connections,
            double seconds,
            long[] latencies,
            long bytes,
            Map<String, Integer> failures,
            long driverCpuNanos) {

        int requests() {
            return latencies.length;
        }

        int failed() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }

        double perSecond() {
            return latencies.length / seconds;
        }

        double millis(int percentile) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            var index = (int) Math.ceil(percentile / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1e6;
        }

        double maxMillis() {
            return latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6;
        }

        /** The client's CPU per request, in microseconds. */
        double driverMicrosPerRequest() {
            return latencies.length == 0 ? Double.NaN : driverCpuNanos / 1e3 / latencies.length;
        }

        /** The client's CPU as a share of the machine's cores over the measured time. */
        double driverShare(int cores) {
            return driverCpuNanos / (seconds * 1e9 * cores);
        }
    }

    /**
     * Runs the phase on every connection at once. {@code request} gives connection k's next request; {@code ok}
     * tells a good answer from a failure (it sees every answer, the warm-up's too, and may tally them); with
     * {@code bodies}, answers are read with their bodies (for small ones), otherwise only their length.
     */
    static Result run(
            List<KeepAliveConnection> connections,
            IntFunction<byte[]> request,
            Predicate<KeepAliveConnection.Response> ok,
            boolean bodies,
            Duration warmUp,
            Duration measured)
            throws InterruptedException {
        var n = connections.size();
        var loops = new Loop[n];
        var ready = new CountDownLatch(n);
        var start = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        var clock = new long[2];
        for (var k = 0; k < n; k++) {
            var loop = new Loop(k, connections.get(k), request, ok, bodies, clock, ready, start);
            loops[k] = loop;
            threads.add(Thread.ofPlatform().name("bench-client-" + k).daemon().start(loop));
        }
        ready.await();
        var now = System.nanoTime();
        clock[0] = now + warmUp.toNanos();
        clock[1] = clock[0] + measured.toNanos();
        start.countDown();
        for (var thread : threads) {
            thread.join();
        }
        var failures = new TreeMap<String, Integer>();
        var count = 0;
        long bytes = 0;
        long cpu = 0;
        for (var loop : loops) {
            count += loop.count;
            bytes += loop.bytes;
            cpu += loop.cpuNanos;
            loop.failures.forEach((what, times) -> failures.merge(what, times, Integer::sum));
        }
        var latencies = new long[count];
        var at = 0;
        for (var loop : loops) {
            System.arraycopy(loop.latencies, 0, latencies, at, loop.count);
            at += loop.count;
        }
        Arrays.sort(latencies);
        return new Result(n, measured.toNanos() / 1e9, latencies, bytes, failures, cpu);
    }

    private static final class Loop implements Runnable {

        private final int index;
        private final KeepAliveConnection connection;
        private final IntFunction<byte[]> request;
        private final Predicate<KeepAliveConnection.Response> ok;
        private final boolean bodies;
        private final long[] clock;
        private final CountDownLatch ready;
        private final CountDownLatch start;
        private long[] latencies = new long[4096];
        private int count;
        private long bytes;
        private long cpuNanos;
        private final Map<String, Integer> failures = new TreeMap<>();

        Loop(
                int index,
                KeepAliveConnection connection,
                IntFunction<byte[]> request,
                Predicate<KeepAliveConnection.Response> ok,
                boolean bodies,
                long[] clock,
                CountDownLatch ready,
                CountDownLatch start) {
            this.index = index;
            this.connection = connection;
            this.request = request;
            this.ok = ok;
            this.bodies = bodies;
            this.clock = clock;
            this.ready = ready;
            this.start = start;
        }

        @Override
        public void run() {
            ready.countDown();
            try {
                start.await();
            } catch (InterruptedException e) {
                return;
            }
            var threadCpu = ManagementFactory.getThreadMXBean();
            long measureFrom = clock[0];
            long end = clock[1];
            long cpuFrom = -1;
            long now;
            while ((now = System.nanoTime()) < end) {
                var measured = now >= measureFrom;
                if (measured && cpuFrom < 0) {
                    cpuFrom = threadCpu.getCurrentThreadCpuTime();
                }
                try {
                    var bytesOut = request.apply(index);
                    var sent = System.nanoTime();
                    var response = connection.send(bytesOut, bodies);
                    var answered = System.nanoTime();
                    var good = ok.test(response);
                    if (!measured) {
                        continue;
                    }
                    record(answered - sent);
                    bytes += response.length();
                    if (!good) {
                        failures.merge("HTTP " + response.status(), 1, Integer::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    if (measured) {
                        failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    }
                    reconnect();
                }
            }
            cpuNanos = cpuFrom < 0 ? 0 : threadCpu.getCurrentThreadCpuTime() - cpuFrom;
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
        }

        private void reconnect() {
            try {
                Thread.sleep(10);
                connection.reopen();
            } catch (IOException | InterruptedException ignored) {
                // the next request tries again
            }
        }
    }
}
