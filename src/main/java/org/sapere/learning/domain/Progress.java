package org.sapere.learning.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

    /**
     * The learner was in a lesson at {@code at} (a moment of their own clock, not later than now), at {@code position}
     * if known: the lesson is started, and its resume point moves only if this moment is later than the one it has.
     */
    public void touch(UUID learner, UUID course, UUID lesson, Instant at, @Nullable Double position) {
        var when = Timestamp.from(at);
        jdbc.sql("""
                INSERT INTO learning.lesson_progress AS p
                    (account_id, course_id, lesson_id, state, started_at, updated_at, position, position_at)
                VALUES (:learner, :course, :lesson, 'IN_PROGRESS', :at, :at, :position,
                        CASE WHEN CAST(:position AS double precision) IS NULL THEN NULL ELSE CAST(:at AS timestamptz) END)
                ON CONFLICT (account_id, lesson_id) DO UPDATE SET
                    position = CASE WHEN EXCLUDED.position IS NOT NULL
                                     AND (p.position_at IS NULL OR p.position_at < EXCLUDED.position_at)
                                    THEN EXCLUDED.position ELSE p.position END,
                    position_at = CASE WHEN EXCLUDED.position IS NOT NULL
                                        AND (p.position_at IS NULL OR p.position_at < EXCLUDED.position_at)
                                       THEN EXCLUDED.position_at ELSE p.position_at END,
                    started_at = least(p.started_at, EXCLUDED.started_at),
                    updated_at = greatest(p.updated_at, EXCLUDED.updated_at)""")
                .param("learner", learner)
                .param("course", course)
                .param("lesson", lesson)
                .param("at", when)
                .param("position", position, java.sql.Types.DOUBLE)
                .update();
    }

    /** The lesson's resume point: where the learner was, and when. */
    public Optional<Double> position(UUID learner, UUID lesson) {
        return jdbc.sql("""
                SELECT position FROM learning.lesson_progress
                WHERE account_id = :learner AND lesson_id = :lesson AND position IS NOT NULL""")
                .param("learner", learner)
                .param("lesson", lesson)
                .query(Double.class)
                .optional();
    }

    /**
     * Completed lessons per course, and the lesson the learner was in last (with its course, whether it is done and
     * where in it they were), from one query.
     */
    public Summary completedLessonsByCourse(UUID learner, Collection<UUID> courses) {
        var result = new HashMap<UUID, Set<LessonId>>();
        var last = new Last[1];
        if (courses.isEmpty()) {
            return new Summary(result, Optional.empty());
        }
        jdbc.sql("""
                SELECT course_id, lesson_id, state, position FROM learning.lesson_progress
                WHERE account_id = :learner AND course_id = ANY(:courses)
                ORDER BY updated_at DESC""")
                .param("learner", learner)
                .param("courses", courses.toArray(UUID[]::new))
                .query(rs -> {
                    var course = rs.getObject(1, UUID.class);
                    var completed = "COMPLETED".equals(rs.getString(3));
                    if (last[0] == null) {
                        var position = rs.getDouble(4);
                        last[0] = new Last(
                                course,
                                new LessonId(rs.getObject(2, UUID.class)),
                                completed,
                                rs.wasNull() ? null : position);
                    }
                    if (completed) {
                        result.computeIfAbsent(course, k -> new HashSet<>())
                                .add(new LessonId(rs.getObject(2, UUID.class)));
                    }
                });
        return new Summary(result, Optional.ofNullable(last[0]));
    }

    /** A learner's completed lessons by course, and the lesson they were in last. */
    public record Summary(Map<UUID, Set<LessonId>> lessons, Optional<Last> last) {

        public Optional<UUID> lastActiveCourse() {
            return last.map(Last::course);
        }
    }

    /** The lesson a learner was in last. */
    public record Last(
            UUID course,
            LessonId lesson,
            boolean completed,
            @Nullable Double position) {}
}
