package org.sapere.assessment.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.sapere.shared.LocalizedText;

/**
 * Something a learner picks, places or pairs: a choice, an item to put in order, one side of a matching pair. The id
 * stays the same across versions and languages, so responses and statistics refer to it rather than to a position.
 * {@code feedback} is shown to a learner who chose it.
 */
public record Option(
        String id, LocalizedText text, @Nullable LocalizedText feedback) {

    public Option {
        Rules.id(id);
        Objects.requireNonNull(text);
    }

    public static Option of(String id, LocalizedText text) {
        return new Option(id, text, null);
    }
}
