-- Each learner's own choices on "My learning": a weekly goal (minutes or lessons), whether to see a streak, and
-- whether to get the weekly reminder e-mail. One row per learner, written when they first save the form.
CREATE TABLE learning.learner_settings (
    account_id         uuid        PRIMARY KEY,
    goal_kind          varchar(16) CHECK (goal_kind IN ('MINUTES', 'LESSONS')),
    goal_target        integer     CHECK (goal_target > 0),
    streaks            boolean     NOT NULL DEFAULT false,
    weekly_reminder    boolean     NOT NULL DEFAULT false,
    -- The secret in the reminder's one-click unsubscribe link (it works without signing in).
    reminder_token     uuid        NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    -- The Monday (UTC) of the ISO week of the last reminder: the sweep claims a learner once per week.
    last_reminder_week date,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK ((goal_kind IS NULL) = (goal_target IS NULL))
);
CREATE INDEX learner_settings_due_idx ON learning.learner_settings (last_reminder_week) WHERE weekly_reminder;
-- This week's completions, for the goal card.
CREATE INDEX lesson_progress_completed_idx ON learning.lesson_progress (account_id, completed_at)
    WHERE completed_at IS NOT NULL;
