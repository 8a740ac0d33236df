package org.sapere.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One course as the catalogue lists it. */
public record CatalogEntry(
        UUID courseId,
        String slug,
        String title,
        String summary,
        String universitySlug,
        String university,
        List<String> subjects,
        String level,
        String language,
        int minutes,
        int lessons,
        List<String> professors,
        Instant listedAt,
        int enrolments) {}
