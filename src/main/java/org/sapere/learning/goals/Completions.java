package org.sapere.learning.goals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** When a learner completed lessons, read from {@code learning.lesson_progress} for goals and streaks. */
@Repository
class Completions {

    /** Enough days for any streak worth showing, without reading a whole history. */
    static final int MAX_STREAK_DAYS = 1000;

    private final JdbcClient jdbc;

    Completions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A lesson completed in the period. */
    record Completed(UUID course, UUID lesson) {}

    List<Completed> between(UUID account, Instant from, Instant until) {
        return jdbc.sql("""
                SELECT course_id, lesson_id FROM learning.lesson_progress
                WHERE account_id = :account AND completed_at >= :from AND completed_at < :until""")
                .param("account", account)
                .param("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .param("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .query((rs, n) -> new Completed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    /** The days (in the zone) with at least one completed lesson, latest first. */
    List<LocalDate> days(UUID account, ZoneId zone) {
        return jdbc.sql("""
                SELECT DISTINCT (completed_at AT TIME ZONE :zone)::date AS day FROM learning.lesson_progress
                WHERE account_id = :account AND completed_at IS NOT NULL
                ORDER BY day DESC LIMIT :limit""")
                .param("account", account)
                .param("zone", zone.getId())
                .param("limit", MAX_STREAK_DAYS)
                .query((rs, n) -> rs.getObject(1, LocalDate.class))
                .list();
    }
}
