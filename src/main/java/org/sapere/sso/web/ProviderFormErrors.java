package org.sapere.sso.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The admin form's errors: field name → message key. */
public record ProviderFormErrors(Map<String, String> byField) {

    public @Nullable String of(String field) {
        return byField.get(field);
    }

    public boolean any() {
        return !byField.isEmpty();
    }
}
