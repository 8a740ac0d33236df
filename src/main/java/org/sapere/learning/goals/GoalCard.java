package org.sapere.learning.goals;

import org.jspecify.annotations.Nullable;
import org.sapere.learning.goals.GoalSettings.Goal;

/**
 * The weekly goal card on "My learning": the goal (or none yet), what counts towards it this week, and the streak
 * (days in a row with a completed lesson, ending today or yesterday) if the learner asked to see it.
 *
 * @param done minutes or lessons, as the goal counts; 0 without a goal
 * @param streakDays 0 when streaks are off or broken
 * @param streakIncludesToday false when the streak ends yesterday (a lesson today keeps it going)
 */
public record GoalCard(@Nullable Goal goal, int done, boolean streaks, int streakDays, boolean streakIncludesToday) {

    static final GoalCard NONE = new GoalCard(null, 0, false, 0, false);

    public boolean hasGoal() {
        return goal != null;
    }

    public boolean reached() {
        return goal != null && done >= goal.target();
    }

    /** The value for the progress bar: never beyond the target. */
    public int bar() {
        return goal == null ? 0 : Math.min(done, goal.target());
    }
}
