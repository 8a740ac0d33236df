package org.sapere.learning.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sapere.course.LessonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lesson progress and course completions in the {@code learning} schema, keyed by the stable lesson ids. */
@Repository
public class Progress {

    private final JdbcClient jdbc;

    Progress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the lesson as completed; true the first time. */
    public boolean complete(UUID learner, UUID course, UUID lesson) {
        return jdbc.sql("""
                INSERT INTO learning.lesson_progress (account_id, course_id, lesson_id, state, started_at, completed_at, updated_at)
                VALUES (:learner, :course, :lesson, 'COMPLETED', now(), now(), now())
                ON CONFLICT (account_id, lesson_id) DO UPDATE
                    SET state = 'COMPLETED', completed_at = now(), updated_at = now()
                    WHERE learning.lesson_progress.state <> 'COMPLETED'""")
                        .param("learner", learner)
                        .param("course", course)
                        .param("lesson", lesson)
                        .update()
                > 0;
    }

    /** Records the course as completed at this version; true the first time. */
    public boolean completeCourse(UUID learner, UUID course, int version) {
        return jdbc.sql("""
                INSERT INTO learning.course_completion (account_id, course_id, course_version, completed_at)
                VALUES (:learner, :course, :version, now())
                ON CONFLICT DO NOTHING""")
                        .param("learner", learner)
                        .param("course", course)
                        .param("version", version)
                        .update()
                > 0;
    }

    public Set<LessonId> completedLessons(UUID learner, UUID course) {
        return new HashSet<>(jdbc.sql("""
                SELECT lesson_id FROM learning.lesson_progress
                WHERE account_id = :learner AND course_id = :course AND state = 'COMPLETED'""")
                .param("learner", learner)
                .param("course", course)
                .query((rs, n) -> new LessonId(rs.getObject(1, UUID.class)))
                .list());
    }

    public Map<UUID, Set<LessonId>> completedLessonsByCourse(UUID learner, Collection<UUID> courses) {
        var result = new HashMap<UUID, Set<LessonId>>();
        if (courses.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT course_id, lesson_id FROM learning.lesson_progress
                WHERE account_id = :learner AND course_id = ANY(:courses) AND state = 'COMPLETED'""")
                .param("learner", learner)
                .param("courses", courses.toArray(UUID[]::new))
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                            .add(new LessonId(rs.getObject(2, UUID.class)));
                });
        return result;
    }

    public Optional<UUID> lastActiveCourse(UUID learner) {
        return jdbc.sql("""
                SELECT course_id FROM learning.lesson_progress WHERE account_id = :learner
                ORDER BY updated_at DESC LIMIT 1""").param("learner", learner).query(UUID.class).optional();
    }
}
