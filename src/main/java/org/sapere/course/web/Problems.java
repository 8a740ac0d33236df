package org.sapere.course.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sapere.course.domain.CourseEditor.Problem;

/** The problems of a submitted authoring form, looked up per field by the templates. */
public record Problems(List<Problem> all) {

    public boolean has(String field) {
        return all.stream().anyMatch(p -> p.field().equals(field));
    }

    public @Nullable Problem first(String field) {
        return all.stream().filter(p -> p.field().equals(field)).findFirst().orElse(null);
    }

    public boolean any() {
        return !all.isEmpty();
    }
}
