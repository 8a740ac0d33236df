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

    /** Completed lessons per course, and the course the learner last made progress in, from one query. */
    public Summary completedLessonsByCourse(UUID learner, Collection<UUID> courses) {
        var result = new HashMap<UUID, Set<LessonId>>();
        var last = new UUID[1];
        if (courses.isEmpty()) {
            return new Summary(result, Optional.empty());
        }
        jdbc.sql("""
                SELECT course_id, lesson_id, state FROM learning.lesson_progress
                WHERE account_id = :learner AND course_id = ANY(:courses)
                ORDER BY updated_at DESC""")
                .param("learner", learner)
                .param("courses", courses.toArray(UUID[]::new))
                .query(rs -> {
                    var course = rs.getObject(1, UUID.class);
                    if (last[0] == null) {
                        last[0] = course;
                    }
                    if ("COMPLETED".equals(rs.getString(3))) {
                        result.computeIfAbsent(course, k -> new HashSet<>())
                                .add(new LessonId(rs.getObject(2, UUID.class)));
                    }
                });
        return new Summary(result, Optional.ofNullable(last[0]));
    }

    /** A learner's completed lessons by course, and their most recently active course. */
    public record Summary(Map<UUID, Set<LessonId>> lessons, Optional<UUID> lastActiveCourse) {}
}
