package org.sapere.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.course.domain.CourseEditor;
import org.sapere.identity.IdentityDirectory;
import org.sapere.storage.MediaStorage;
import org.sapere.storage.StorageKey;
import org.sapere.support.TestVideos;
import org.sapere.support.WebSession;
import org.sapere.video.domain.MediaSigner;
import org.sapere.video.domain.VideoAssets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Uploads, processing and delivery over real HTTP, with real ffmpeg: an upload cut off halfway resumes and stores
 * exactly the source's bytes; the video is transcoded to an HLS ladder with poster, thumbnails and an MP4 fallback;
 * bad files are refused with a message and leave nothing behind; media addresses are signed, expire, and serve
 * ranges with ETags.
 */
@Tag("video")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sapere.video.preset=ultrafast", "sapere.jobs.poll-interval=200ms"})
class VideoPipelineTests {

    @LocalServerPort
    int port;

    @Autowired
    CourseEditor editor;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    VideoAssets assets;

    @Autowired
    MediaStorage storage;

    @Autowired
    MediaSigner signer;

    @Autowired
    JdbcClient jdbc;

    @Value("${sapere.data-dir}")
    Path dataDir;

    VideoFixtures fixtures;
    WebSession professor;

    @BeforeEach
    void setUp() throws Exception {
        TestVideos.requireFfmpeg();
        fixtures = new VideoFixtures(editor, identity, assets);
        professor = new WebSession(port).signIn(VideoFixtures.PROFESSOR);
    }

    @Test
    void anUploadCutOffHalfwayResumesAndIsTranscodedToAnHlsLadder() throws Exception {
        var lesson = fixtures.courseWithVideoLesson("Resumable upload");
        var source = TestVideos.clip(960, 540, 8);
        var bytes = Files.readAllBytes(source);
        var created = VideoFixtures.create(professor, lesson, "lecture 1.mp4", bytes.length);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var location = created.headers().firstValue("Location").orElseThrow();

        // The connection drops after half the bytes: the request announced them all but sends half, then closes.
        var half = bytes.length / 2;
        try (var socket = new Socket("localhost", port)) {
            var out = socket.getOutputStream();
            var head = "PATCH " + location + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nCookie: "
                    + professor.cookieHeader() + "\r\nX-CSRF-TOKEN: " + professor.csrf()
                    + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, half);
            out.flush();
            Thread.sleep(300);
        }
        var offset = awaitOffset(location, half);
        assertThat(offset).isGreaterThan(0).isLessThanOrEqualTo(half);

        var rest = VideoFixtures.patch(
                professor, location, offset, java.util.Arrays.copyOfRange(bytes, (int) offset, bytes.length));
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(204);
        var id = UUID.fromString(rest.headers().firstValue("Sapere-Video").orElseThrow());

        var stored = assets.find(id).orElseThrow();
        assertThat(stored.sha256()).isEqualTo(sha256(bytes));
        try (var content = storage.open(StorageKey.of(stored.sourceKey()))) {
            assertThat(sha256(content.stream().readAllBytes())).isEqualTo(sha256(bytes));
        }
        assertThat(partFiles()).as("no part file is left").isEmpty();

        var ready = fixtures.awaitProcessed(id, Duration.ofMinutes(3));
        assertThat(ready.state()).as(String.valueOf(ready.errorDetail())).isEqualTo("READY");
        assertThat(ready.durationSeconds()).isBetween(7.5, 8.5);
        assertThat(ready.renditions()).containsExactly(360, 540);
        assertThat(ready.width()).isEqualTo(960);
        var master = text("video/" + id + "/hls/master.m3u8");
        assertThat(master).contains("#EXT-X-STREAM-INF", "360p/index.m3u8", "540p/index.m3u8", "RESOLUTION=960x540");
        var playlist = text("video/" + id + "/hls/360p/index.m3u8");
        assertThat(playlist).contains("#EXT-X-PLAYLIST-TYPE:VOD", "seg_0000.ts", "#EXT-X-ENDLIST");
        assertThat(playlist).containsPattern("#EXT-X-TARGETDURATION:[4-6]");
        for (var file : new String[] {"poster.jpg", "thumbs.jpg", "thumbs.vtt", "fallback.mp4"}) {
            assertThat(storage.exists(StorageKey.of("video/" + id + "/" + file)))
                    .as(file)
                    .isTrue();
        }
        assertThat(text("video/" + id + "/thumbs.vtt")).contains("thumbs.jpg#xywh=0,0,160,90");
    }

    @Test
    void badFilesAreRefusedWithAMessageAndLeaveNothingBehind() throws Exception {
        var lesson = fixtures.courseWithVideoLesson("Bad files");
        var keysBefore = storage.list("video/").size();

        // A text file renamed .mp4
        var text = "These are my lecture notes, not a video.\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        assertRefused(lesson, "lecture.mp4", text, "is not a video Sapere can read");

        // An MP4 cut short (its index, written at the end, is missing)
        var clip = Files.readAllBytes(TestVideos.clip(640, 360, 6));
        var truncated = java.util.Arrays.copyOf(clip, clip.length * 6 / 10);
        assertRefused(lesson, "cut.mp4", truncated, "is not a video Sapere can read");

        // A zero-byte file is refused when the upload is created
        var empty = VideoFixtures.create(professor, lesson, "empty.mp4", 0);
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("The file is empty.");

        assertThat(assets.latest(lesson.lesson())).as("no video row").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM video.upload WHERE lesson_id = :l")
                        .param("l", lesson.lesson())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(storage.list("video/")).hasSize(keysBefore);
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void mediaAddressesAreSignedExpireAndServeRanges() throws Exception {
        var lesson = fixtures.courseWithVideoLesson("Signed media");
        var id = VideoFixtures.upload(professor, lesson, TestVideos.clip(640, 360, 6));
        assertThat(fixtures.awaitProcessed(id, Duration.ofMinutes(3)).ready()).isTrue();
        var anyone = new WebSession(port);
        var token = signer.token(id, Instant.now());
        var base = "/media/v/" + id + "/" + token + "/";

        var master = anyone.getBytes(base + "hls/master.m3u8", Map.of());
        assertThat(master.statusCode()).isEqualTo(200);
        assertThat(master.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/vnd.apple.mpegurl");
        var segment = anyone.getBytes(base + "hls/360p/seg_0000.ts", Map.of());
        assertThat(segment.statusCode()).isEqualTo(200);
        assertThat(segment.headers().firstValue("Cache-Control").orElseThrow())
                .contains("immutable", "public", "max-age=");
        var etag = segment.headers().firstValue("ETag").orElseThrow();
        assertThat(anyone.getBytes(base + "hls/360p/seg_0000.ts", Map.of("If-None-Match", etag))
                        .statusCode())
                .isEqualTo(304);
        var range = anyone.getBytes(base + "hls/360p/seg_0000.ts", Map.of("Range", "bytes=100-1099"));
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).hasSize(1000).isEqualTo(java.util.Arrays.copyOfRange(segment.body(), 100, 1100));
        assertThat(range.headers().firstValue("Content-Range").orElseThrow())
                .isEqualTo("bytes 100-1099/" + segment.body().length);
        var mp4Tail = anyone.getBytes(base + "fallback.mp4", Map.of("Range", "bytes=-500"));
        assertThat(mp4Tail.statusCode()).isEqualTo(206);
        assertThat(mp4Tail.body()).hasSize(500);

        // Expired, altered, or for another video: 403.
        var expired = signer.tokenExpiringAt(id, Instant.now().minusSeconds(1));
        assertThat(anyone.getBytes("/media/v/" + id + "/" + expired + "/hls/master.m3u8", Map.of())
                        .statusCode())
                .isEqualTo(403);
        var tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertThat(anyone.getBytes("/media/v/" + id + "/" + tampered + "/hls/master.m3u8", Map.of())
                        .statusCode())
                .isEqualTo(403);
        var later =
                (Long.parseLong(token.substring(0, token.indexOf('-'))) + 3600) + token.substring(token.indexOf('-'));
        assertThat(anyone.getBytes("/media/v/" + id + "/" + later + "/hls/master.m3u8", Map.of())
                        .statusCode())
                .as("a later expiry with the same signature")
                .isEqualTo(403);
        assertThat(anyone.getBytes("/media/v/" + UUID.randomUUID() + "/" + token + "/hls/master.m3u8", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(anyone.getBytes(base + "source.mp4", Map.of()).statusCode())
                .as("the source is never served")
                .isEqualTo(404);
        assertThat(anyone.getBytes(base + "../../etc/passwd", Map.of()).statusCode())
                .isIn(400, 404);

        // Public only when the author says so.
        assertThat(anyone.getBytes("/media/v/" + id + "/public/hls/master.m3u8", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assets.saveSettings(lesson.lesson(), lesson.course(), 90, true, Instant.now());
        var publicPoster = anyone.getBytes("/media/v/" + id + "/public/poster.jpg", Map.of());
        assertThat(publicPoster.statusCode()).isEqualTo(200);
        assertThat(publicPoster.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("image/jpeg");
    }

    private void assertRefused(VideoFixtures.Lesson lesson, String name, byte[] bytes, String message)
            throws Exception {
        var created = VideoFixtures.create(professor, lesson, name, bytes.length);
        assertThat(created.statusCode()).isEqualTo(201);
        var location = created.headers().firstValue("Location").orElseThrow();
        var response = VideoFixtures.patch(professor, location, 0, bytes);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains(message);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    }

    private long awaitOffset(String location, long atMost) throws Exception {
        var deadline = Instant.now().plusSeconds(10);
        long offset = 0;
        while (Instant.now().isBefore(deadline)) {
            offset = VideoFixtures.offset(professor, location);
            if (offset > 0) {
                Thread.sleep(300);
                var again = VideoFixtures.offset(professor, location);
                if (again == offset) {
                    return offset;
                }
            }
            Thread.sleep(100);
        }
        return offset;
    }

    private java.util.List<Path> partFiles() throws Exception {
        var folder = dataDir.resolve("uploads");
        if (!Files.isDirectory(folder)) {
            return java.util.List.of();
        }
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".part")).toList();
        }
    }

    private String text(String key) {
        try (var content = storage.open(StorageKey.of(key))) {
            return new String(content.stream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
