package org.sapere.catalog;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a visitor searches for: free text, filters (several values of one filter mean "any of them"), the order and
 * the page (from 1). Every part is optional; the URL of the catalogue holds all of it.
 */
public record CatalogQuery(
        @Nullable String text,
        List<String> subjects,
        List<String> universities,
        List<String> languages,
        List<String> levels,
        List<String> efforts,
        Sort sort,
        int page) {

    public static final int MAX_TEXT = 100;

    /** The effort ranges a course falls in by its estimated minutes: under 1 h, 1–3 h, 3–10 h, 10 h or more. */
    public static final List<String> EFFORTS = List.of("short", "medium", "long", "extended");

    /** How results are ordered; without search words, relevance means popularity. */
    public enum Sort {
        RELEVANCE,
        NEWEST,
        POPULAR;

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Sort of(@Nullable String value) {
            for (var sort : values()) {
                if (sort.param().equals(value)) {
                    return sort;
                }
            }
            return RELEVANCE;
        }
    }

    public CatalogQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        subjects = List.copyOf(subjects);
        universities = List.copyOf(universities);
        languages = List.copyOf(languages);
        levels = List.copyOf(levels);
        efforts = List.copyOf(efforts);
        page = Math.max(1, page);
    }

    /** A query with at most one value per filter, ordered by relevance, first page. */
    public CatalogQuery(
            @Nullable String text, @Nullable String subject, @Nullable String university, @Nullable String language) {
        this(text, one(subject), one(university), one(language), List.of(), List.of(), Sort.RELEVANCE, 1);
    }

    public static CatalogQuery everything() {
        return new CatalogQuery(null, null, null, null);
    }

    public boolean isEmpty() {
        return text == null && !hasFilters();
    }

    public boolean hasFilters() {
        return !subjects.isEmpty()
                || !universities.isEmpty()
                || !languages.isEmpty()
                || !levels.isEmpty()
                || !efforts.isEmpty();
    }

    public CatalogQuery withPage(int page) {
        return new CatalogQuery(text, subjects, universities, languages, levels, efforts, sort, page);
    }

    private static List<String> one(@Nullable String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.strip());
    }
}
