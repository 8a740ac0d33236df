package org.sapere.catalog;

import org.jspecify.annotations.Nullable;

/** What a visitor searches for: free text and filters, each optional. */
public record CatalogQuery(
        @Nullable String text,
        @Nullable String subject,
        @Nullable String university,
        @Nullable String language) {

    public static final int MAX_TEXT = 100;

    public boolean isEmpty() {
        return blank(text) && blank(subject) && blank(university) && blank(language);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
