package org.sapere.video.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What each learner has watched of each video lesson. Reports merge (a union of played intervals, so a retried
 * report counts once); new seconds are paid for by wall-clock time since the last report or the page's opening, at
 * most {@link #MAX_RATE} times real time plus a little slack, so coverage cannot be claimed faster than the video
 * could be played. The resume position moves only to a report of a later moment.
 */
@Repository
public class Viewings {

    /** The fastest playback speed the player offers. */
    static final double MAX_RATE = 2.0;

    /** Seconds granted beyond the wall-clock budget (timer jitter, a report sent just before a pause). */
    static final double SLACK_SECONDS = 5.0;

    private final JdbcClient jdbc;

    Viewings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A learner's viewing of one video. */
    public record Viewing(
            UUID asset,
            double position,
            Instant positionAt,
            Coverage watched,
            @Nullable Instant completedAt) {}

    /** What a report changed. */
    public record Outcome(
            double position, double watchedSeconds, boolean capped, boolean completedNow, boolean completed) {}

    /** Where a learner stopped in a video they have not finished, and the video's length. */
    public record Unfinished(UUID lesson, double position, double durationSeconds) {}

    /** The learner's unfinished videos among these lessons (one query). */
    public List<Unfinished> unfinished(UUID account, java.util.Collection<UUID> lessons) {
        if (lessons.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT v.lesson_id, v.position, a.duration_ms FROM video.viewing v
                JOIN video.asset a ON a.id = v.asset_id
                WHERE v.account_id = :a AND v.lesson_id = ANY(:lessons) AND v.completed_at IS NULL
                  AND a.duration_ms IS NOT NULL""")
                .param("a", account)
                .param("lessons", lessons.toArray(UUID[]::new))
                .query((rs, n) -> new Unfinished(rs.getObject(1, UUID.class), rs.getDouble(2), rs.getLong(3) / 1000.0))
                .list();
    }

    public Optional<Viewing> find(UUID account, UUID lesson) {
        return jdbc.sql("""
                SELECT asset_id, position, position_at, watched::text, completed_at FROM video.viewing
                WHERE account_id = :a AND lesson_id = :l""")
                .param("a", account)
                .param("l", lesson)
                .query((rs, n) -> new Viewing(
                        rs.getObject(1, UUID.class),
                        rs.getDouble(2),
                        rs.getTimestamp(3).toInstant(),
                        Coverage.fromSql(rs.getString(4)),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .optional();
    }

    /**
     * The player page was opened: wall-clock time counts from now (time away from the video pays for nothing).
     * A new video for the lesson starts the coverage again.
     */
    public void opened(UUID account, UUID lesson, UUID course, UUID asset, Instant now) {
        var at = java.sql.Timestamp.from(now);
        jdbc.sql("""
                INSERT INTO video.viewing (account_id, lesson_id, course_id, asset_id, position_at, budget_from, updated_at)
                VALUES (:a, :l, :c, :asset, :now, :now, :now)
                ON CONFLICT (account_id, lesson_id) DO UPDATE SET
                    budget_from = :now,
                    watched = CASE WHEN video.viewing.asset_id = :asset THEN video.viewing.watched ELSE '{}' END,
                    watched_seconds = CASE WHEN video.viewing.asset_id = :asset THEN video.viewing.watched_seconds ELSE 0 END,
                    asset_id = :asset""")
                .param("a", account)
                .param("l", lesson)
                .param("c", course)
                .param("asset", asset)
                .param("now", at)
                .update();
    }

    /**
     * Merges a report: the intervals played since the last one, and where the player was at {@code reportedAt}.
     *
     * @param completionSeconds how much must be watched to complete the lesson
     */
    public Outcome report(
            UUID account,
            UUID lesson,
            UUID course,
            UUID asset,
            double duration,
            double completionSeconds,
            double position,
            Instant reportedAt,
            List<Coverage.Interval> played,
            Instant now) {
        record Row(
                UUID asset,
                double position,
                Instant positionAt,
                Coverage watched,
                Instant budgetFrom,
                @Nullable Instant completedAt) {}
        var row = jdbc.sql("""
                SELECT asset_id, position, position_at, watched::text, budget_from, completed_at FROM video.viewing
                WHERE account_id = :a AND lesson_id = :l FOR UPDATE""")
                .param("a", account)
                .param("l", lesson)
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        rs.getDouble(2),
                        rs.getTimestamp(3).toInstant(),
                        Coverage.fromSql(rs.getString(4)),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .optional()
                .orElse(null);
        if (row == null) {
            // Reports without an opened page (e.g. after a server restart lost nothing but this row's creation).
            opened(account, lesson, course, asset, now.minusSeconds(15));
            return report(
                    account, lesson, course, asset, duration, completionSeconds, position, reportedAt, played, now);
        }
        var known = row.asset().equals(asset) ? row.watched() : Coverage.NONE;
        var fresh = Coverage.of(played, duration).minus(known);
        var elapsed = Math.max(0, Duration.between(row.budgetFrom(), now).toMillis() / 1000.0);
        var budget = elapsed * MAX_RATE + SLACK_SECONDS;
        var accepted = fresh.seconds() > budget ? fresh.upTo(budget) : fresh;
        var capped = accepted != fresh;
        var watched = known.union(accepted);
        // The budget spent is gone; what is left over carries on (an idle pause pays for nothing more than slack).
        var spentSeconds = accepted.seconds() / MAX_RATE;
        var budgetFrom = capped ? now : row.budgetFrom().plusMillis(Math.round(spentSeconds * 1000));
        // Unused time is kept for a while (a report that failed and is sent again later), not for ever.
        if (budgetFrom.isBefore(now.minusSeconds(300))) {
            budgetFrom = now.minusSeconds(300);
        }
        var clampedAt = reportedAt.isAfter(now) ? now : reportedAt;
        var moves = clampedAt.isAfter(row.positionAt());
        var newPosition = moves ? Math.max(0, Math.min(duration, position)) : row.position();
        var completedNow = row.completedAt() == null && watched.seconds() + 0.5 >= completionSeconds;
        jdbc.sql("""
                UPDATE video.viewing SET asset_id = :asset, position = :pos, position_at = :pat,
                       watched = CAST(:watched AS nummultirange), watched_seconds = :ws, budget_from = :bf,
                       completed_at = CASE WHEN :done THEN :now ELSE completed_at END, updated_at = :now
                WHERE account_id = :a AND lesson_id = :l""")
                .param("a", account)
                .param("l", lesson)
                .param("asset", asset)
                .param("pos", newPosition)
                .param("pat", java.sql.Timestamp.from(moves ? clampedAt : row.positionAt()))
                .param("watched", watched.toSql())
                .param("ws", watched.seconds())
                .param("bf", java.sql.Timestamp.from(budgetFrom))
                .param("done", completedNow)
                .param("now", java.sql.Timestamp.from(now))
                .update();
        return new Outcome(
                newPosition, watched.seconds(), capped, completedNow, completedNow || row.completedAt() != null);
    }
}
