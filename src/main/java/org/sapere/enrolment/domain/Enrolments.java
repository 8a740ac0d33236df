package org.sapere.enrolment.domain;

import java.util.List;
import java.util.UUID;
import org.sapere.course.CourseId;
import org.sapere.enrolment.Enrolment;
import org.sapere.identity.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Enrolments in the {@code enrolment} schema; one row per learner and course, enforced by a unique key. */
@Repository
public class Enrolments {

    private final JdbcClient jdbc;

    Enrolments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes the enrolment active; true if it was not active before. */
    public boolean activate(UUID learner, UUID course) {
        // xmax = 0 tells a fresh insert from an update; the WHERE skips rows already active.
        return jdbc.sql("""
                INSERT INTO enrolment.enrolment (id, account_id, course_id, status, enrolled_at)
                VALUES (:id, :learner, :course, 'ACTIVE', now())
                ON CONFLICT (account_id, course_id) DO UPDATE
                    SET status = 'ACTIVE', enrolled_at = now(), withdrawn_at = NULL
                    WHERE enrolment.enrolment.status <> 'ACTIVE'""")
                        .param("id", UUID.randomUUID())
                        .param("learner", learner)
                        .param("course", course)
                        .update()
                > 0;
    }

    /** Withdraws an active enrolment; true if there was one. */
    public boolean withdraw(UUID learner, UUID course) {
        return jdbc.sql("""
                UPDATE enrolment.enrolment SET status = 'WITHDRAWN', withdrawn_at = now()
                WHERE account_id = :learner AND course_id = :course AND status = 'ACTIVE'""").param("learner", learner).param("course", course).update() > 0;
    }

    public boolean isActive(UUID learner, UUID course) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM enrolment.enrolment
                               WHERE account_id = :learner AND course_id = :course AND status = 'ACTIVE')""")
                .param("learner", learner)
                .param("course", course)
                .query(Boolean.class)
                .single();
    }

    /** The id of the learner's active enrolment in the course. */
    public java.util.Optional<UUID> activeId(UUID learner, UUID course) {
        return jdbc.sql("""
                SELECT id FROM enrolment.enrolment
                WHERE account_id = :learner AND course_id = :course AND status = 'ACTIVE'""")
                .param("learner", learner)
                .param("course", course)
                .query(UUID.class)
                .optional();
    }

    public int countActive(UUID course) {
        return jdbc.sql("SELECT count(*) FROM enrolment.enrolment WHERE course_id = :course AND status = 'ACTIVE'")
                .param("course", course)
                .query(Integer.class)
                .single();
    }

    /** The learners actively enrolled in a course, in no particular order. */
    public List<UUID> activeLearners(UUID course) {
        return jdbc.sql("SELECT account_id FROM enrolment.enrolment WHERE course_id = :course AND status = 'ACTIVE'")
                .param("course", course)
                .query(UUID.class)
                .list();
    }

    public List<Enrolment> active(UUID learner) {
        return jdbc.sql("""
                SELECT course_id, run_id, enrolled_at FROM enrolment.enrolment
                WHERE account_id = :learner AND status = 'ACTIVE' ORDER BY enrolled_at DESC""")
                .param("learner", learner)
                .query((rs, n) -> new Enrolment(
                        new AccountId(learner),
                        new CourseId(rs.getObject("course_id", UUID.class)),
                        rs.getObject("run_id", UUID.class),
                        rs.getObject("enrolled_at", java.time.OffsetDateTime.class)
                                .toInstant()))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM enrolment.enrolment")
                .query(Long.class)
                .single();
    }
}
