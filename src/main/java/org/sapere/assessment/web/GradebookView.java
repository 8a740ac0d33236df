package org.sapere.assessment.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the gradebook pages show (read by the templates). */
public final class GradebookView {

    private GradebookView() {}

    /** A graded quiz as a column; {@code title} is null when its lesson was removed from the course. */
    public record Column(UUID lesson, @Nullable String title) {}

    /** One learner's line on the current page. */
    public record Row(String name, String email, List<Cell> cells, BigDecimal total, boolean passed) {}

    /**
     * A learner's result on one quiz.
     *
     * @param percent null when not taken (or only waiting for grading)
     * @param overrideReason the professor's reason when the result is overridden
     * @param url the page to override it
     */
    public record Cell(
            @Nullable BigDecimal percent,
            boolean waiting,
            @Nullable String overrideReason,
            String url) {}

    /** How many learners there are, in all and after the filters. */
    public record Summary(int learners, int passed, int waiting, int shown) {}

    /** The page links; null where there is no such page. */
    public record Pager(
            int page,
            int pages,
            @Nullable String previous,
            @Nullable String next) {}

    /** The grading policy form as typed (or as saved). */
    public record PolicyForm(
            String rule,
            String passingPercent,
            String quizWeight,
            String examWeight,
            String assignmentWeight,
            String dropLowest) {}

    /** A problem with one field of a form: the field's name, the message key and its argument. */
    public record Problem(String field, String key, String argument) {}

    /**
     * One entry of the grade changes' log, its figures already written for the reader.
     *
     * @param action OVERRIDE, CLEAR or ESSAY
     */
    public record Change(
            Instant at,
            @Nullable String by,
            @Nullable String learner,
            @Nullable String quiz,
            String action,
            String before,
            String after,
            @Nullable String reason) {}

    /** The result being overridden, on the override page. */
    public record Current(
            @Nullable BigDecimal percent,
            @Nullable BigDecimal best,
            int attempts,
            boolean waiting,
            @Nullable String overrideReason,
            BigDecimal passingPercent) {}
}
