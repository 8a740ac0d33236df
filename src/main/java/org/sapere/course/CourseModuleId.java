package org.sapere.course;

import java.util.UUID;

/** Identifies a part (module) of a course; stable across republishing. */
public record CourseModuleId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
