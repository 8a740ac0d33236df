package org.sapere.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the application is killed (kill -9), its embedded PostgreSQL keeps running and holds the data directory.
 * We record which application process owns the server; at the next start a server whose owner is gone is stopped
 * (a fast shutdown, so it writes a clean checkpoint) before a new one starts on the same data.
 */
final class LeftoverServer {

    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);
    private static final String OWNER_FILE = "sapere.owner.pid";

    private LeftoverServer() {}

    static void stopIfOrphaned(Path dataDir) {
        var postmaster = readPid(dataDir.resolve("postmaster.pid")).flatMap(ProcessHandle::of);
        if (postmaster.isEmpty() || !postmaster.get().isAlive()) {
            return;
        }
        var owner = readPid(dataDir.resolve(OWNER_FILE)).flatMap(ProcessHandle::of);
        if (owner.isPresent()
                && owner.get().isAlive()
                && owner.get().pid() != ProcessHandle.current().pid()) {
            throw new IllegalStateException("The database in " + dataDir + " is in use by another Sapere (process "
                    + owner.get().pid() + "). Stop it first, or give this one another sapere.data-dir.");
        }
        var server = postmaster.get();
        log.warn("Stopping a PostgreSQL server (pid {}) left running by a Sapere that did not shut down", server.pid());
        // SIGINT is PostgreSQL's fast shutdown: it ends sessions and checkpoints. Java sends SIGINT only via kill.
        signal(server.pid(), "INT");
        if (!waitForExit(server, Duration.ofSeconds(30))) {
            server.destroyForcibly();
            waitForExit(server, Duration.ofSeconds(10));
        }
    }

    static void claim(Path dataDir) {
        try {
            Files.writeString(
                    dataDir.resolve(OWNER_FILE),
                    Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Long> readPid(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            var first = Files.readAllLines(file).stream().findFirst().orElse("").trim();
            return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        var deadline = Instant.now().plus(timeout);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !process.isAlive();
    }
}
