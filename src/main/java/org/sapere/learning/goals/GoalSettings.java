package org.sapere.learning.goals;

import org.jspecify.annotations.Nullable;

/**
 * What a learner chose on the goal page: a weekly goal (or none), whether to see their streak, and whether to get
 * the weekly reminder e-mail. Everything is off until they choose it.
 */
public record GoalSettings(@Nullable Goal goal, boolean streaks, boolean weeklyReminder) {

    public static final GoalSettings NONE = new GoalSettings(null, false, false);

    /** A weekly target, e.g. 60 minutes or 3 lessons. */
    public record Goal(GoalKind kind, int target) {

        public Goal {
            if (!kind.allows(target)) {
                throw new IllegalArgumentException(kind + " goal of " + target);
            }
        }
    }
}
