package org.sapere.video.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Uploaded videos, lesson settings and captions. */
@Repository
public class VideoAssets {

    private final JdbcClient jdbc;

    VideoAssets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An uploaded video and what processing made of it. */
    public record Asset(
            UUID id,
            UUID lesson,
            UUID course,
            String fileName,
            String sourceKey,
            long sourceBytes,
            String sha256,
            String state,
            int progress,
            @Nullable String error,
            @Nullable String errorDetail,
            @Nullable Long durationMs,
            @Nullable Integer width,
            @Nullable Integer height,
            List<Integer> renditions,
            Instant createdAt,
            @Nullable Instant readyAt) {

        public boolean ready() {
            return state.equals("READY");
        }

        public boolean working() {
            return state.equals("QUEUED") || state.equals("PROCESSING");
        }

        public boolean failed() {
            return state.equals("FAILED");
        }

        public double durationSeconds() {
            return durationMs == null ? 0 : durationMs / 1000.0;
        }
    }

    /** A video lesson's settings. */
    public record Settings(
            int completionPercent,
            boolean publicPreview,
            @Nullable String chapters) {
        public static final Settings DEFAULT = new Settings(90, false, null);
    }

    /** Captions in one language. */
    public record Caption(String language, String vtt, String transcript, Instant updatedAt) {}

    private static final String COLUMNS = """
            id, lesson_id, course_id, file_name, source_key, source_bytes, source_sha256, state, progress, error,
            error_detail, duration_ms, width, height, renditions, created_at, ready_at""";

    public void insert(
            UUID id,
            UUID lesson,
            UUID course,
            String fileName,
            String sourceKey,
            long bytes,
            String sha256,
            UUID job,
            Instant now) {
        jdbc.sql("""
                INSERT INTO video.asset (id, lesson_id, course_id, file_name, source_key, source_bytes, source_sha256,
                                         state, job_id, created_at)
                VALUES (:id, :lesson, :course, :name, :key, :bytes, :sha, 'QUEUED', :job, :now)""")
                .param("id", id)
                .param("lesson", lesson)
                .param("course", course)
                .param("name", fileName)
                .param("key", sourceKey)
                .param("bytes", bytes)
                .param("sha", sha256)
                .param("job", job)
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }

    public Optional<Asset> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM video.asset WHERE id = :id")
                .param("id", id)
                .query(VideoAssets::asset)
                .optional();
    }

    /** The video learners see: the newest that is ready. */
    public Optional<Asset> current(UUID lesson) {
        return jdbc.sql(
                        "SELECT " + COLUMNS
                                + " FROM video.asset WHERE lesson_id = :lesson AND state = 'READY' ORDER BY created_at DESC LIMIT 1")
                .param("lesson", lesson)
                .query(VideoAssets::asset)
                .optional();
    }

    /** The newest upload, whatever its state (processing, failed or ready), for the author. */
    public Optional<Asset> latest(UUID lesson) {
        return jdbc.sql(
                        "SELECT " + COLUMNS
                                + " FROM video.asset WHERE lesson_id = :lesson AND state <> 'REPLACED' ORDER BY created_at DESC LIMIT 1")
                .param("lesson", lesson)
                .query(VideoAssets::asset)
                .optional();
    }

    /** The ready videos of these lessons. */
    public Map<UUID, Asset> currentFor(Collection<UUID> lessons) {
        if (lessons.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT DISTINCT ON (lesson_id) " + COLUMNS
                        + " FROM video.asset WHERE lesson_id IN (:lessons) AND state = 'READY'"
                        + " ORDER BY lesson_id, created_at DESC")
                .param("lessons", lessons)
                .query(VideoAssets::asset)
                .list()
                .stream()
                .collect(Collectors.toMap(Asset::lesson, a -> a));
    }

    public void processing(UUID id) {
        jdbc.sql("UPDATE video.asset SET state = 'PROCESSING', progress = 0, error = NULL, error_detail = NULL"
                        + " WHERE id = :id AND state IN ('QUEUED', 'PROCESSING')")
                .param("id", id)
                .update();
    }

    public void progress(UUID id, int percent) {
        jdbc.sql("UPDATE video.asset SET progress = :p WHERE id = :id AND state = 'PROCESSING'")
                .param("id", id)
                .param("p", Math.max(0, Math.min(99, percent)))
                .update();
    }

    /** Back in the queue after an attempt that will be retried (a stop, or a failure that may pass). */
    public void queuedAgain(UUID id) {
        jdbc.sql("UPDATE video.asset SET state = 'QUEUED', progress = 0 WHERE id = :id AND state = 'PROCESSING'")
                .param("id", id)
                .update();
    }

    public void ready(UUID id, double durationSeconds, int width, int height, List<Integer> renditions, Instant now) {
        jdbc.sql("""
                UPDATE video.asset SET state = 'READY', progress = 100, duration_ms = :ms, width = :w, height = :h,
                                       renditions = :r, ready_at = :now, error = NULL, error_detail = NULL
                WHERE id = :id""")
                .param("id", id)
                .param("ms", Math.round(durationSeconds * 1000))
                .param("w", width)
                .param("h", height)
                .param("r", renditions.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }

    public void failed(UUID id, String messageKey, String detail) {
        jdbc.sql("UPDATE video.asset SET state = 'FAILED', error = :key, error_detail = :detail WHERE id = :id"
                        + " AND state <> 'READY'")
                .param("id", id)
                .param("key", messageKey)
                .param("detail", detail.length() > 4000 ? detail.substring(detail.length() - 4000) : detail)
                .update();
    }

    /** Marks the lesson's other videos replaced once a newer one is ready; returns them (to remove their files). */
    public List<Asset> replaceOthers(UUID lesson, UUID keep) {
        return jdbc.sql("UPDATE video.asset SET state = 'REPLACED' WHERE lesson_id = :lesson AND id <> :keep"
                        + " AND state IN ('READY', 'FAILED') AND created_at <= (SELECT created_at FROM video.asset WHERE id = :keep)"
                        + " RETURNING " + COLUMNS)
                .param("lesson", lesson)
                .param("keep", keep)
                .query(VideoAssets::asset)
                .list();
    }

    /** Whether the asset belongs to a lesson marked as a public preview. */
    public boolean isPublic(UUID asset) {
        return jdbc.sql("""
                SELECT l.public_preview FROM video.asset a JOIN video.lesson l ON l.lesson_id = a.lesson_id
                WHERE a.id = :id AND a.state = 'READY'""").param("id", asset).query(Boolean.class).optional().orElse(false);
    }

    /** Which of these lessons are marked as public previews, in the given order. */
    public List<UUID> publicLessons(List<UUID> lessons) {
        if (lessons.isEmpty()) {
            return List.of();
        }
        var marked = new java.util.HashSet<>(
                jdbc.sql("SELECT lesson_id FROM video.lesson WHERE lesson_id IN (:l) AND public_preview")
                        .param("l", lessons)
                        .query(UUID.class)
                        .list());
        return lessons.stream().filter(marked::contains).toList();
    }

    public Settings settings(UUID lesson) {
        return jdbc.sql("SELECT completion_percent, public_preview, chapters FROM video.lesson WHERE lesson_id = :l")
                .param("l", lesson)
                .query((rs, n) -> new Settings(rs.getInt(1), rs.getBoolean(2), rs.getString(3)))
                .optional()
                .orElse(Settings.DEFAULT);
    }

    public void saveSettings(UUID lesson, UUID course, int completionPercent, boolean publicPreview, Instant now) {
        jdbc.sql("""
                INSERT INTO video.lesson (lesson_id, course_id, completion_percent, public_preview, updated_at)
                VALUES (:l, :c, :p, :pub, :now)
                ON CONFLICT (lesson_id) DO UPDATE SET completion_percent = :p, public_preview = :pub, updated_at = :now""")
                .param("l", lesson)
                .param("c", course)
                .param("p", completionPercent)
                .param("pub", publicPreview)
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }

    public void saveChapters(UUID lesson, UUID course, @Nullable String chaptersVtt, Instant now) {
        jdbc.sql("""
                INSERT INTO video.lesson (lesson_id, course_id, chapters, updated_at) VALUES (:l, :c, :ch, :now)
                ON CONFLICT (lesson_id) DO UPDATE SET chapters = :ch, updated_at = :now""")
                .param("l", lesson)
                .param("c", course)
                .param("ch", chaptersVtt)
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }

    public List<Caption> captions(UUID lesson) {
        return jdbc.sql(
                        "SELECT language, vtt, transcript, updated_at FROM video.caption WHERE lesson_id = :l ORDER BY language")
                .param("l", lesson)
                .query((rs, n) -> new Caption(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    public Optional<String> captionVtt(UUID asset, String language) {
        return jdbc.sql("""
                SELECT c.vtt FROM video.caption c JOIN video.asset a ON a.lesson_id = c.lesson_id
                WHERE a.id = :a AND c.language = :lang""")
                .param("a", asset)
                .param("lang", language)
                .query(String.class)
                .optional();
    }

    public Optional<String> chaptersVtt(UUID asset) {
        return jdbc.sql("""
                SELECT l.chapters FROM video.lesson l JOIN video.asset a ON a.lesson_id = l.lesson_id
                WHERE a.id = :a AND l.chapters IS NOT NULL""").param("a", asset).query(String.class).optional();
    }

    public void saveCaption(UUID lesson, String language, String vtt, String transcript, Instant now) {
        jdbc.sql("""
                INSERT INTO video.caption (lesson_id, language, vtt, transcript, updated_at)
                VALUES (:l, :lang, :vtt, :t, :now)
                ON CONFLICT (lesson_id, language) DO UPDATE SET vtt = :vtt, transcript = :t, updated_at = :now""")
                .param("l", lesson)
                .param("lang", language)
                .param("vtt", vtt)
                .param("t", transcript)
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }

    public boolean deleteCaption(UUID lesson, String language) {
        return jdbc.sql("DELETE FROM video.caption WHERE lesson_id = :l AND language = :lang")
                        .param("l", lesson)
                        .param("lang", language)
                        .update()
                > 0;
    }

    /** The transcripts of these lessons' captions, all languages joined, for search. */
    public Map<UUID, String> transcripts(Collection<UUID> lessons) {
        if (lessons.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("""
                SELECT lesson_id, string_agg(transcript, ' ' ORDER BY language) FROM video.caption
                WHERE lesson_id IN (:lessons) GROUP BY lesson_id""")
                .param("lessons", lessons)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Asset asset(ResultSet rs, int row) throws SQLException {
        var renditions = rs.getString("renditions");
        var ready = rs.getTimestamp("ready_at");
        return new Asset(
                rs.getObject("id", UUID.class),
                rs.getObject("lesson_id", UUID.class),
                rs.getObject("course_id", UUID.class),
                rs.getString("file_name"),
                rs.getString("source_key"),
                rs.getLong("source_bytes"),
                rs.getString("source_sha256"),
                rs.getString("state"),
                rs.getInt("progress"),
                rs.getString("error"),
                rs.getString("error_detail"),
                (Long) rs.getObject("duration_ms"),
                (Integer) rs.getObject("width"),
                (Integer) rs.getObject("height"),
                renditions == null || renditions.isBlank()
                        ? List.of()
                        : Arrays.stream(renditions.split(","))
                                .map(Integer::valueOf)
                                .toList(),
                rs.getTimestamp("created_at").toInstant(),
                ready == null ? null : ready.toInstant());
    }
}
