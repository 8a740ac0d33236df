package org.sapere.identity.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.sapere.identity.domain.AccountRegistration.FieldError;

/** The errors of a submitted form, looked up per field by the template. */
public record FormErrors(List<FieldError> all) {

    public boolean has(String field) {
        return all.stream().anyMatch(e -> e.field().equals(field));
    }

    public @Nullable FieldError first(String field) {
        return all.stream().filter(e -> e.field().equals(field)).findFirst().orElse(null);
    }

    public boolean any() {
        return !all.isEmpty();
    }
}
