package org.sapere.course;

/**
 * What a lesson is: the extension point for lesson types. This module knows only {@link #READING}; others (video,
 * quiz) are contributed by their own modules and keep their content keyed by {@link LessonId}.
 */
public record LessonKind(String value) {

    public static final LessonKind READING = new LessonKind("reading");

    public LessonKind {
        if (!value.matches("[a-z][a-z0-9-]{1,30}")) {
            throw new IllegalArgumentException("Not a lesson kind: " + value);
        }
    }
}
