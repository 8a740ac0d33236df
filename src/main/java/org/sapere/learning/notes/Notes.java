package org.sapere.learning.notes;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The learners' notes in {@code learning.note}. Every query names the account: nobody reaches another's notes. */
@Repository
class Notes {

    private static final String COLUMNS = "id, course_id, lesson_id, video_second, body, created_at, updated_at";

    private final JdbcClient jdbc;

    Notes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A note written or changed; {@code created} tells whether the id was new. */
    record Saved(Note note, boolean created) {}

    /**
     * Stores the note under the id its browser chose. Sent again, it is the same note (changed, not doubled); an id
     * that already names another account's note, or a note on another lesson, is left alone and answers empty.
     */
    Optional<Saved> put(
            UUID id, UUID account, UUID course, UUID lesson, @Nullable BigDecimal videoSecond, String body) {
        return jdbc.sql("""
                INSERT INTO learning.note (id, account_id, course_id, lesson_id, video_second, body, created_at, updated_at)
                VALUES (:id, :account, :course, :lesson, :second, :body, now(), now())
                ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, video_second = EXCLUDED.video_second,
                    updated_at = CASE WHEN learning.note.body = EXCLUDED.body
                                       AND learning.note.video_second IS NOT DISTINCT FROM EXCLUDED.video_second
                                      THEN learning.note.updated_at ELSE now() END
                    WHERE learning.note.account_id = EXCLUDED.account_id AND learning.note.lesson_id = EXCLUDED.lesson_id
                RETURNING %s, (xmax = 0) AS created""".formatted(COLUMNS))
                .param("id", id)
                .param("account", account)
                .param("course", course)
                .param("lesson", lesson)
                .param("second", videoSecond)
                .param("body", body)
                .query((rs, n) -> new Saved(note(rs), rs.getBoolean("created")))
                .optional();
    }

    /** Changes the text of the learner's note on this lesson; false when there is no such note. */
    boolean edit(UUID id, UUID account, UUID lesson, String body) {
        return jdbc.sql("""
                UPDATE learning.note SET body = :body, updated_at = now()
                WHERE id = :id AND account_id = :account AND lesson_id = :lesson""")
                        .param("id", id)
                        .param("account", account)
                        .param("lesson", lesson)
                        .param("body", body)
                        .update()
                > 0;
    }

    boolean delete(UUID id, UUID account, UUID lesson) {
        return jdbc.sql("DELETE FROM learning.note WHERE id = :id AND account_id = :account AND lesson_id = :lesson")
                        .param("id", id)
                        .param("account", account)
                        .param("lesson", lesson)
                        .update()
                > 0;
    }

    /** The learner's notes on a lesson, newest first. */
    List<Note> onLesson(UUID account, UUID lesson) {
        return jdbc.sql("""
                SELECT %s FROM learning.note WHERE account_id = :account AND lesson_id = :lesson
                ORDER BY created_at DESC, id""".formatted(COLUMNS))
                .param("account", account)
                .param("lesson", lesson)
                .query((rs, n) -> note(rs))
                .list();
    }

    /** All the learner's notes, newest first. */
    List<Note> all(UUID account) {
        return jdbc.sql("""
                SELECT %s FROM learning.note WHERE account_id = :account
                ORDER BY created_at DESC, id""".formatted(COLUMNS))
                .param("account", account)
                .query((rs, n) -> note(rs))
                .list();
    }

    private static Note note(ResultSet rs) throws SQLException {
        return new Note(
                rs.getObject("id", UUID.class),
                rs.getObject("course_id", UUID.class),
                rs.getObject("lesson_id", UUID.class),
                rs.getBigDecimal("video_second"),
                rs.getString("body"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
