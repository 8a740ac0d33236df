package org.sapere.course;

import java.util.UUID;

/** Identifies a course across all its published versions and language variants. */
public record CourseId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
