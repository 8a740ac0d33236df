package org.sapere.learning.notes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The lessons each learner bookmarked, in {@code learning.bookmark}. */
@Repository
class Bookmarks {

    private final JdbcClient jdbc;

    Bookmarks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Bookmark(UUID course, UUID lesson, Instant createdAt) {}

    /** Sets or clears the bookmark; doing it twice is the same as once. */
    void set(UUID account, UUID course, UUID lesson, boolean bookmarked) {
        if (bookmarked) {
            jdbc.sql("""
                    INSERT INTO learning.bookmark (account_id, lesson_id, course_id, created_at)
                    VALUES (:account, :lesson, :course, now()) ON CONFLICT DO NOTHING""")
                    .param("account", account)
                    .param("lesson", lesson)
                    .param("course", course)
                    .update();
        } else {
            jdbc.sql("DELETE FROM learning.bookmark WHERE account_id = :account AND lesson_id = :lesson")
                    .param("account", account)
                    .param("lesson", lesson)
                    .update();
        }
    }

    boolean isSet(UUID account, UUID lesson) {
        return jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM learning.bookmark WHERE account_id = :account AND lesson_id = :lesson)")
                .param("account", account)
                .param("lesson", lesson)
                .query(Boolean.class)
                .single();
    }

    /** The learner's bookmarks, newest first. */
    List<Bookmark> all(UUID account) {
        return jdbc.sql("""
                SELECT course_id, lesson_id, created_at FROM learning.bookmark WHERE account_id = :account
                ORDER BY created_at DESC, lesson_id""")
                .param("account", account)
                .query((rs, n) -> new Bookmark(
                        rs.getObject("course_id", UUID.class),
                        rs.getObject("lesson_id", UUID.class),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
