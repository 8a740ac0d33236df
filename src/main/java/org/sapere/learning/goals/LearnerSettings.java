package org.sapere.learning.goals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sapere.learning.goals.GoalSettings.Goal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each learner's goal, streak and reminder choices in {@code learning.learner_settings}. */
@Repository
class LearnerSettings {

    private final JdbcClient jdbc;

    LearnerSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A learner claimed for this week's reminder, with the secret of their unsubscribe link. */
    record Claim(UUID account, UUID token) {}

    Optional<GoalSettings> find(UUID account) {
        return jdbc.sql("""
                SELECT goal_kind, goal_target, streaks, weekly_reminder FROM learning.learner_settings
                WHERE account_id = :account""")
                .param("account", account)
                .query((rs, n) -> {
                    var name = rs.getString(1);
                    var kind = name == null ? null : GoalKind.valueOf(name);
                    // A target saved under wider limits than today's is read as the nearest one allowed.
                    var goal = kind == null ? null : new Goal(kind, Math.clamp(rs.getInt(2), kind.min(), kind.max()));
                    return new GoalSettings(goal, rs.getBoolean(3), rs.getBoolean(4));
                })
                .optional();
    }

    void save(UUID account, GoalSettings settings) {
        var goal = settings.goal();
        jdbc.sql("""
                INSERT INTO learning.learner_settings (account_id, goal_kind, goal_target, streaks, weekly_reminder)
                VALUES (:account, :kind, :target, :streaks, :reminder)
                ON CONFLICT (account_id) DO UPDATE SET goal_kind = excluded.goal_kind,
                    goal_target = excluded.goal_target, streaks = excluded.streaks,
                    weekly_reminder = excluded.weekly_reminder, updated_at = now()""")
                .param("account", account)
                .param("kind", goal == null ? null : goal.kind().name())
                .param("target", goal == null ? null : goal.target())
                .param("streaks", settings.streaks())
                .param("reminder", settings.weeklyReminder())
                .update();
    }

    /**
     * Claims up to {@code limit} learners who want the reminder and have not had one in this week, marking them as
     * reminded in the same statement. Rows another instance is claiming are skipped, so no two instances (and no
     * two sweeps) ever claim the same learner for the same week.
     */
    List<Claim> claimDue(LocalDate week, int limit) {
        return jdbc.sql("""
                UPDATE learning.learner_settings SET last_reminder_week = :week
                WHERE account_id IN (
                        SELECT account_id FROM learning.learner_settings
                        WHERE weekly_reminder AND (last_reminder_week IS NULL OR last_reminder_week < :week)
                        ORDER BY account_id LIMIT :limit FOR UPDATE SKIP LOCKED)
                  AND weekly_reminder AND (last_reminder_week IS NULL OR last_reminder_week < :week)
                RETURNING account_id, reminder_token""")
                .param("week", week)
                .param("limit", limit)
                .query((rs, n) -> new Claim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    /** Whether the reminder of this unsubscribe token is on; empty if no learner has this token. */
    Optional<Boolean> reminderByToken(UUID token) {
        return jdbc.sql("SELECT weekly_reminder FROM learning.learner_settings WHERE reminder_token = :token")
                .param("token", token)
                .query(Boolean.class)
                .optional();
    }

    /** Turns the reminder off for the learner with this token; false if no learner has it. */
    boolean unsubscribe(UUID token) {
        return jdbc.sql("""
                        UPDATE learning.learner_settings SET weekly_reminder = false, updated_at = now()
                        WHERE reminder_token = :token""").param("token", token).update() > 0;
    }

    void delete(UUID account) {
        jdbc.sql("DELETE FROM learning.learner_settings WHERE account_id = :account")
                .param("account", account)
                .update();
    }
}
