package org.sapere.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sapere.support.TestVideos;
import org.sapere.support.WebSession;

/**
 * The packaged application is killed with SIGKILL while ffmpeg transcodes a professor's upload; after a new start
 * on the same data, the job's lease runs out, the job runs again and the video becomes ready. The first start also
 * makes the demo's video lesson (slides encoded with ffmpeg) and processes it.
 */
class VideoRestartIT {

    private static final Pattern COURSE =
            Pattern.compile("href=\"/teach/courses/([0-9a-f-]{36})\"[^>]*>Project Management Essentials");
    private static final Pattern VIDEO_LESSON = Pattern.compile(
            "href=\"/teach/courses/[0-9a-f-]{36}/lessons/([0-9a-f-]{36})\\?text=en\">Video: the project");

    private Process app;
    private int port;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor();
        }
    }

    @Test
    void aTranscodeKilledMidwayFinishesAfterTheNextStart() throws Exception {
        var clip = TestVideos.clip(1280, 720, 30);
        var data = Files.createTempDirectory("sapere-video-restart");
        port = freePort();
        app = start(data, "first");

        var rossi = new WebSession(port).signIn(VideoFixtures.PROFESSOR);
        var teach = rossi.get("/teach").body();
        var course = match(COURSE, teach, "the course on /teach");
        var lesson = match(VIDEO_LESSON, rossi.get("/teach/courses/" + course).body(), "the video lesson");
        var status = "/teach/courses/" + course + "/lessons/" + lesson + "/video/status";
        // The demo's own video is processed first.
        awaitStatus(rossi, status, "Ready for learners", Duration.ofMinutes(4));

        VideoFixtures.upload(
                rossi,
                new VideoFixtures.Lesson(java.util.UUID.fromString(course), java.util.UUID.fromString(lesson)),
                clip);
        awaitStatus(rossi, status, "Processing: [1-9]", Duration.ofMinutes(2));

        app.destroyForcibly(); // SIGKILL: ffmpeg is orphaned or dies with it; the job keeps its lease
        app.waitFor();

        app = start(data, "second");
        rossi = new WebSession(port).signIn(VideoFixtures.PROFESSOR);
        // The status shows the upload's own name only once it is the lesson's ready video.
        var done = awaitStatus(
                rossi,
                status,
                "Ready for learners</strong>\\s*<br><span class=\"hint\">"
                        + Pattern.quote(clip.getFileName().toString()),
                Duration.ofMinutes(5));
        assertThat(done).contains("Length 0:30", "360p, 540p, 720p").doesNotContain("Processing");
    }

    private static String awaitStatus(WebSession session, String path, String regex, Duration within) throws Exception {
        var pattern = Pattern.compile(regex);
        var deadline = Instant.now().plus(within);
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            body = session.get(path).body();
            if (pattern.matcher(body).find()) {
                return body;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not \"" + regex + "\" within " + within + ": " + body);
    }

    private static String match(Pattern pattern, String html, String what) {
        var m = pattern.matcher(html);
        assertThat(m.find()).as(what).isTrue();
        return m.group(1);
    }

    private Process start(Path data, String name) throws IOException, InterruptedException {
        var jar = Files.list(Path.of("target"))
                .filter(p -> p.getFileName().toString().matches("sapere-.*\\.jar"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No packaged jar in target/; run ./mvnw verify"));
        var java = ProcessHandle.current().info().command().orElse("java");
        var log = Path.of("target", "video-restart-" + name + ".log");
        var process = new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-jar",
                        jar.toString(),
                        "--server.port=" + port,
                        "--sapere.data-dir=" + data,
                        "--sapere.demo.extra-learners=0",
                        "--sapere.video.preset=ultrafast",
                        "--sapere.jobs.lease=10s",
                        "--sapere.jobs.poll-interval=500ms")
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
