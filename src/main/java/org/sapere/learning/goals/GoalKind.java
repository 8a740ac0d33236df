package org.sapere.learning.goals;

/** What a weekly goal counts, and the targets a learner may choose for it. */
public enum GoalKind {
    /** The estimated minutes of the lessons completed this week. */
    MINUTES(5, 1000),
    /** The lessons completed this week. */
    LESSONS(1, 50);

    private final int min;
    private final int max;

    GoalKind(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean allows(int target) {
        return target >= min && target <= max;
    }
}
