package org.sapere.assessment.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.sapere.shared.LocalizedText;

/**
 * What a learner is told about one part of a response. {@code part} names it: an option, gap, ordering item, left of
 * a pair or rubric criterion by its id, or {@link #ANSWER} for items answered in one piece. {@code text} is what the
 * author wrote for it, if anything; {@code reason} a message key when the scorer can say why it is wrong (such as
 * {@code assessment.feedback.unitMissing}).
 */
public record Feedback(
        String part,
        Correctness correctness,
        @Nullable LocalizedText text,
        @Nullable String reason) {

    /** The part name of feedback on a whole answer (true/false, numeric, short text). */
    public static final String ANSWER = "answer";

    public Feedback {
        Objects.requireNonNull(part);
        Objects.requireNonNull(correctness);
    }

    static Feedback of(String part, boolean correct, @Nullable LocalizedText text, @Nullable String reason) {
        return new Feedback(part, correct ? Correctness.CORRECT : Correctness.INCORRECT, text, reason);
    }
}
