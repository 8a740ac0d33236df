package org.sapere.learning.goals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sapere.learning.goals.GoalSettings.Goal;

/**
 * The goal page's form as typed: {@code kind} is NONE, MINUTES or LESSONS; {@code target} is kept as text so that a
 * wrong entry comes back to the learner as they typed it.
 */
public record GoalForm(String kind, String target, boolean streaks, boolean weeklyReminder) {

    static final String NO_GOAL = "NONE";

    /** Where a learner who never chose anything starts: an hour a week, nothing else on. */
    static final GoalForm SUGGESTED = new GoalForm(GoalKind.MINUTES.name(), "60", false, false);

    static GoalForm of(GoalSettings settings) {
        var goal = settings.goal();
        return goal == null
                ? new GoalForm(NO_GOAL, "", settings.streaks(), settings.weeklyReminder())
                : new GoalForm(
                        goal.kind().name(),
                        Integer.toString(goal.target()),
                        settings.streaks(),
                        settings.weeklyReminder());
    }

    /** The message key of each wrong field, by field name; empty when the form is fine. */
    public Map<String, String> problems() {
        var problems = new LinkedHashMap<String, String>();
        var chosen = goalKind();
        if (chosen == null && !kind.equals(NO_GOAL)) {
            problems.put("kind", "goal.error.kind");
        }
        var number = number();
        if (chosen != null && (number == null || !chosen.allows(number))) {
            problems.put("target", chosen == GoalKind.MINUTES ? "goal.error.minutes" : "goal.error.lessons");
        }
        return problems;
    }

    /** The settings this form asks for; only for a form without {@link #problems()}. */
    GoalSettings settings() {
        var chosen = goalKind();
        var number = number();
        var goal = chosen == null || number == null ? null : new Goal(chosen, number);
        return new GoalSettings(goal, streaks, weeklyReminder);
    }

    /** True if this kind of goal (or NONE) is the one chosen. */
    public boolean is(String choice) {
        return kind.equals(choice);
    }

    private @Nullable GoalKind goalKind() {
        return Arrays.stream(GoalKind.values())
                .filter(k -> k.name().equals(kind))
                .findFirst()
                .orElse(null);
    }

    /** The target as a whole number; null unless it is one (of at most six digits: no overflow). */
    private @Nullable Integer number() {
        var digits = target.strip();
        if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Integer.valueOf(digits);
    }
}
