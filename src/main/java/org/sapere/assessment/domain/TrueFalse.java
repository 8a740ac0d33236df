package org.sapere.assessment.domain;

import org.jspecify.annotations.Nullable;
import org.sapere.shared.LocalizedText;

/** Is the stem's statement true? Each answer may carry its own feedback. */
public record TrueFalse(
        ItemInfo info,
        boolean correct,
        @Nullable LocalizedText trueFeedback,
        @Nullable LocalizedText falseFeedback) implements Item {

    @Override
    public TrueFalse withInfo(ItemInfo info) {
        return new TrueFalse(info, correct, trueFeedback, falseFeedback);
    }
}
