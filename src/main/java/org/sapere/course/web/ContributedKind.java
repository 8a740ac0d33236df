package org.sapere.course.web;

import org.jspecify.annotations.Nullable;

/**
 * A lesson kind another module manages, as the lesson's page shows it: the kind's name, the link to its own editor,
 * and a fragment summing up its content.
 */
public record ContributedKind(
        String nameKey,
        String manageKey,
        String editorPath,
        @Nullable String summaryPath) {}
