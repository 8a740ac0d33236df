package org.sapere.catalog;

import java.time.Instant;

/** A listed course's address and when its listing last changed, for the sitemap. */
public record ListedCourse(String slug, String universitySlug, Instant updatedAt) {}
