package org.sapere.course;

import java.util.UUID;

/** Identifies a lesson; stable across republishing, so learners' progress stays attached to it. */
public record LessonId(UUID value) {

    public static LessonId parse(String text) {
        return new LessonId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
