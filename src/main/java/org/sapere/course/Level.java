package org.sapere.course;

/** How much a course expects its learners to know already. */
public enum Level {
    BEGINNER,
    INTERMEDIATE,
    ADVANCED
}
