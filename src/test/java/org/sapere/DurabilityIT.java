package org.sapere;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged application keeps every acknowledged write: a learner enrols and completes a lesson over HTTP, the
 * process is killed with SIGKILL (its embedded PostgreSQL is left running), and a new start on the same data
 * directory stops the orphaned server, starts cleanly and still has the progress.
 */
class DurabilityIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String COURSE = "negotiation-and-influence";

    private Process app;
    private int port;
    private HttpClient http;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor();
        }
    }

    @Test
    void progressSurvivesAKillNine() throws Exception {
        var data = Files.createTempDirectory("sapere-durability");
        port = freePort();

        app = start(data, "first");
        signIn();
        var enrol = post("/courses/" + COURSE + "/enrol", csrfOf("/courses/" + COURSE), Map.of());
        assertThat(enrol.statusCode()).isEqualTo(302);
        var lessonUrl = location(get("/learn/courses/" + COURSE));
        assertThat(lessonUrl).contains("/lessons/");
        var complete = post(lessonUrl + "/complete", csrfOf(lessonUrl), Map.of());
        assertThat(complete.statusCode()).isEqualTo(302);
        assertThat(get("/learn").body()).contains("1 of 8 lessons");

        app.destroyForcibly(); // SIGKILL: no shutdown hooks, the database server is orphaned
        app.waitFor();

        app = start(data, "second");
        signIn();
        assertThat(get("/learn").body()).contains("1 of 8 lessons");

        app.destroy(); // SIGTERM: a graceful shutdown also stops the database
        assertThat(app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(data.resolve("pg/postmaster.pid")).doesNotExist();
    }

    private Process start(Path data, String name) throws IOException, InterruptedException {
        var jar = Files.list(Path.of("target"))
                .filter(p -> p.getFileName().toString().matches("sapere-.*\\.jar"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No packaged jar in target/; run ./mvnw verify"));
        var java = ProcessHandle.current().info().command().orElse("java");
        var log = Path.of("target", "durability-" + name + ".log");
        var process = new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-jar",
                        jar.toString(),
                        "--server.port=" + port,
                        "--sapere.data-dir=" + data,
                        "--sapere.demo.extra-learners=0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        var deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("the app exited; see " + log).isTrue();
            try {
                if (get("/actuator/health").statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The app did not become healthy; see " + log);
    }

    private void signIn() throws IOException, InterruptedException {
        var response = post(
                "/login", csrfOf("/login"), Map.of("username", "giulia@example.org", "password", "sapere-demo-2026"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).doesNotContain("error");
    }

    private String csrfOf(String path) throws IOException, InterruptedException {
        var matcher = CSRF.matcher(get(path).body());
        assertThat(matcher.find()).as("a CSRF field on " + path).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String csrf, Map<String, String> fields)
            throws IOException, InterruptedException {
        var form = new java.util.HashMap<>(fields);
        form.put("_csrf", csrf);
        var body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> response) {
        var location = response.headers().firstValue("Location").orElseThrow();
        return URI.create(location).getPath();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
