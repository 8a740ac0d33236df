package org.sapere.identity;

import org.jspecify.annotations.Nullable;

/** A person as other modules show them: a professor on a course page, a learner in a list. */
public record Person(
        AccountId id,
        String displayName,
        @Nullable String headline,
        @Nullable String bio) {}
