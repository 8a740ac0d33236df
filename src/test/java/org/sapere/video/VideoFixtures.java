package org.sapere.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.sapere.course.LessonKind;
import org.sapere.course.domain.CourseEditor;
import org.sapere.identity.AccountId;
import org.sapere.identity.IdentityDirectory;
import org.sapere.support.WebSession;
import org.sapere.video.domain.VideoAssets;

/** Courses with video lessons for tests, and a small tus client over real HTTP. */
public final class VideoFixtures {

    public static final String PROFESSOR = "rossi@polimi.example";

    private final CourseEditor editor;
    private final IdentityDirectory identity;
    private final VideoAssets assets;

    public VideoFixtures(CourseEditor editor, IdentityDirectory identity, VideoAssets assets) {
        this.editor = editor;
        this.identity = identity;
        this.assets = assets;
    }

    public record Lesson(UUID course, UUID lesson) {}

    AccountId professor() {
        return identity.accountByEmail(PROFESSOR).orElseThrow();
    }

    /** A new draft course of Polimi with one module holding one video lesson. */
    public Lesson courseWithVideoLesson(String title) {
        var rossi = professor();
        var course = editor.create(
                rossi, identity.organisationBySlug("polimi").orElseThrow().id(), title, "en");
        var module = editor.open(course, rossi).course().modules().getFirst().id();
        var added = editor.addLesson(
                course,
                module,
                rossi,
                editor.open(course, rossi).revision(),
                "Watch: " + title,
                6,
                new LessonKind("video"));
        assertThat(added.ok()).as(String.valueOf(added.problems())).isTrue();
        var lesson = editor.open(course, rossi)
                .course()
                .modules()
                .getFirst()
                .lessons()
                .getFirst()
                .id();
        return new Lesson(course, lesson);
    }

    /** Publishes the draft (its video must be ready); returns the course's slug. */
    public String publish(UUID course) {
        var rossi = professor();
        var draft = editor.open(course, rossi);
        var details = editor.updateDetails(
                course,
                rossi,
                draft.revision(),
                "en",
                draft.course().title().original(),
                "A short course with a video lesson, made by a test.",
                "",
                List.of(),
                "BEGINNER",
                List.of(),
                draft.course().slug());
        assertThat(details.ok()).as(String.valueOf(details.problems())).isTrue();
        var published = editor.publish(course, rossi, editor.open(course, rossi).revision());
        assertThat(published.ok()).as(String.valueOf(published.problems())).isTrue();
        return editor.open(course, rossi).course().slug();
    }

    /** Creates a tus upload; answers the POST's response (201 with Location, or a refusal). */
    static HttpResponse<String> create(WebSession session, Lesson lesson, String fileName, long length)
            throws IOException, InterruptedException {
        var metadata =
                "filename " + b64(fileName) + ",course " + b64(lesson.course().toString()) + ",lesson "
                        + b64(lesson.lesson().toString());
        return session.send(HttpRequest.newBuilder(session.uri("/teach/uploads"))
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", Long.toString(length))
                .header("Upload-Metadata", metadata)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    static HttpResponse<String> patch(WebSession session, String location, long offset, byte[] bytes)
            throws IOException, InterruptedException {
        return session.send(HttpRequest.newBuilder(session.uri(location))
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", Long.toString(offset))
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    static long offset(WebSession session, String location) throws IOException, InterruptedException {
        var head = session.send(HttpRequest.newBuilder(session.uri(location))
                .header("Tus-Resumable", "1.0.0")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        return Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
    }

    /** Uploads a whole file in 1 MB chunks; answers the new video's id. */
    public static UUID upload(WebSession session, Lesson lesson, Path file) throws IOException, InterruptedException {
        var bytes = Files.readAllBytes(file);
        var created = create(session, lesson, file.getFileName().toString(), bytes.length);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var location = created.headers().firstValue("Location").orElseThrow();
        var offset = 0;
        HttpResponse<String> last = null;
        while (offset < bytes.length) {
            var end = Math.min(bytes.length, offset + 1024 * 1024);
            last = patch(session, location, offset, java.util.Arrays.copyOfRange(bytes, offset, end));
            assertThat(last.statusCode()).as(last.body()).isEqualTo(204);
            offset = end;
        }
        return UUID.fromString(last.headers().firstValue("Sapere-Video").orElseThrow());
    }

    /** Waits until the video is processed (or failed); answers its final state. */
    public VideoAssets.Asset awaitProcessed(UUID asset, Duration within) throws InterruptedException {
        var deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            var found = assets.find(asset).orElseThrow();
            if (found.ready() || found.failed()) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("video " + asset + " not processed within " + within + ": " + assets.find(asset));
    }

    static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
