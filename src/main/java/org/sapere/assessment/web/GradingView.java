package org.sapere.assessment.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the essay grading pages show (read by the templates). */
public final class GradingView {

    private GradingView() {}

    /**
     * An essay in the queue.
     *
     * @param learner the learner's name, or null when the account is gone
     * @param quiz the quiz lesson's title, or null when the lesson was removed from the course
     * @param draftGraded graded but not released to the learner yet
     */
    public record Waiting(
            @Nullable String learner,
            @Nullable String quiz,
            Instant submittedAt,
            int position,
            boolean draftGraded,
            String url) {}

    /** One essay with its rubric, as the grading form shows it. */
    public record Essay(
            UUID attempt,
            int position,
            int attemptNumber,
            @Nullable String learner,
            @Nullable String quiz,
            @Nullable Instant submittedAt,
            String stemHtml,
            String stemLang,
            String answer,
            int words,
            BigDecimal maxPoints,
            List<Criterion> criteria,
            String comment,
            boolean draftGraded,
            boolean released,
            boolean closed,
            String action) {}

    /** A rubric criterion as one radio group. */
    public record Criterion(String id, String description, List<Level> levels, boolean invalid) {}

    public record Level(String id, String description, BigDecimal points, boolean chosen) {}

    /** What was wrong with the grade sent: a message key and its argument. */
    public record Problem(String key, String argument) {}
}
