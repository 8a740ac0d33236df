package org.sapere.learning;

/** The learner tried to record progress in a course they are not enrolled in. */
public class NotEnrolledException extends RuntimeException {

    private final String courseSlug;

    public NotEnrolledException(String courseSlug) {
        super("Not enrolled in " + courseSlug);
        this.courseSlug = courseSlug;
    }

    public String courseSlug() {
        return courseSlug;
    }
}
