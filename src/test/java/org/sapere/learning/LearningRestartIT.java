package org.sapere.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sapere.support.WebSession;

/**
 * Exactly-once delivery of learning records across crashes. The packaged application is killed with SIGKILL at
 * both points where a delivery can be cut short: after the learner's progress is committed but before its xAPI
 * statement is stored (the app holds deliveries before storing), and after the statement is stored but before the
 * event publication is marked complete (the app holds them after storing). After each restart the unfinished
 * publication is delivered again; at the end the statement is in the record store exactly once and no publication
 * is left unfinished.
 */
class LearningRestartIT {

    private static final String LEARNER = "giulia@example.org";
    private static final UUID NAMESPACE = UUID.fromString("6f1c8f0e-4b7a-5d2e-9c3a-5a9e2d7b1c40");

    private Process app;
    private int port;
    private int dbPort;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor();
        }
    }

    @Test
    void aLearningRecordKilledOnItsWayToTheRecordStoreArrivesExactlyOnce() throws Exception {
        var data = Files.createTempDirectory("sapere-learning-restart");
        port = freePort();
        dbPort = freePort();

        // 1. Deliveries wait before storing: the progress is committed, the statement is not there; kill.
        app = start(data, "first", "before");
        var giulia = new WebSession(port).signIn(LEARNER);
        var first = giulia.get("/learn/courses/project-management-essentials");
        assertThat(first.statusCode()).isEqualTo(302);
        var lesson = UUID.fromString(
                first.headers().firstValue("Location").orElseThrow().replaceAll(".*/lessons/([0-9a-f-]{36}).*", "$1"));
        var step = UUID.randomUUID();
        var statement = nameBased("step:" + step);
        var sent = giulia.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/learn/heartbeats"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        """
                        {"events":[{"id":"%s","lesson":"%s","verb":"paused","at":%d,"position":42.5}]}""".formatted(step, lesson, Instant.now().toEpochMilli()))));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sql("SELECT count(*) FROM learning.lesson_progress WHERE lesson_id = '" + lesson
                        + "' AND position = 42.5"))
                .isEqualTo(1);
        awaitAtLeast("SELECT count(*) FROM event_publication WHERE listener_id LIKE '%XapiDelivery%'", 1);
        Thread.sleep(1000);
        assertThat(sql("SELECT count(*) FROM lrs.statement WHERE id = '" + statement + "'"))
                .as("held before storing")
                .isZero();
        kill();

        // 2. Delivered again at the start, stored, and held before the publication is marked complete; kill.
        app = start(data, "second", "after");
        awaitAtLeast("SELECT count(*) FROM lrs.statement WHERE id = '" + statement + "'", 1);
        Thread.sleep(1000);
        assertThat(sql("SELECT count(*) FROM event_publication WHERE listener_id LIKE '%XapiDelivery%'"))
                .as("the publication is still unfinished")
                .isPositive();
        kill();

        // 3. Delivered once more: the store already has the statement, so nothing is stored twice.
        app = start(data, "third", "none");
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (sql("SELECT count(*) FROM event_publication WHERE listener_id LIKE '%XapiDelivery%'") > 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertThat(sql("SELECT count(*) FROM event_publication WHERE listener_id LIKE '%XapiDelivery%'"))
                .as("every publication finished")
                .isZero();
        assertThat(sql("SELECT count(*) FROM lrs.statement WHERE id = '" + statement + "'"))
                .isEqualTo(1);
        assertThat(sql("""
                        SELECT count(*) FROM lrs.statement
                        WHERE verb_id = 'https://w3id.org/xapi/video/verbs/paused'
                          AND statement->'object'->>'id' LIKE '%/lessons/""" + lesson + "'")).isEqualTo(1);
        assertThat(Files.readString(Path.of("target", "learning-restart-third.log")))
                .contains("were stored already and were not stored twice");
    }

    /** RFC 9562 version 5, written here apart from the application's own code. */
    private static UUID nameBased(String name) throws Exception {
        var digest = MessageDigest.getInstance("SHA-1");
        digest.update(ByteBuffer.allocate(16)
                .putLong(NAMESPACE.getMostSignificantBits())
                .putLong(NAMESPACE.getLeastSignificantBits())
                .array());
        var hash = digest.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) (hash[6] & 0x0f | 0x50);
        hash[8] = (byte) (hash[8] & 0x3f | 0x80);
        var buffer = ByteBuffer.wrap(hash);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    private long sql(String query) throws Exception {
        try (var connection = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "");
                var result = connection.createStatement().executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void awaitAtLeast(String query, long expected) throws Exception {
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (sql(query) < expected) {
            assertThat(Instant.now()).as(query).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private void kill() throws InterruptedException {
        app.destroyForcibly(); // SIGKILL: no shutdown hook runs, nothing is finished
        app.waitFor();
    }

    private Process start(Path data, String name, String hold) throws IOException, InterruptedException {
        var jar = Files.list(Path.of("target"))
                .filter(p -> p.getFileName().toString().matches("sapere-.*\\.jar"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No packaged jar in target/; run ./mvnw verify"));
        var java = ProcessHandle.current().info().command().orElse("java");
        var log = Path.of("target", "learning-restart-" + name + ".log");
        var process = new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-jar",
                        jar.toString(),
                        "--server.port=" + port,
                        "--sapere.data-dir=" + data,
                        "--sapere.db.embedded-port=" + dbPort,
                        "--sapere.demo.extra-learners=0",
                        "--sapere.video.demo-videos=false",
                        "--sapere.learning.xapi.hold=" + hold)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var health = new WebSession(port);
        var deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("the app exited; see " + log).isTrue();
            try {
                if (health.get("/actuator/health").statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The app did not become healthy; see " + log);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
