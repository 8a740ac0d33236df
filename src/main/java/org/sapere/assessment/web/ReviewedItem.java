package org.sapere.assessment.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.domain.Correctness;
import org.sapere.assessment.domain.Essay;
import org.sapere.assessment.domain.Feedback;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.Matching;
import org.sapere.assessment.domain.MultipleResponse;
import org.sapere.assessment.domain.Option;
import org.sapere.assessment.domain.Ordering;
import org.sapere.assessment.domain.Response;
import org.sapere.assessment.domain.Score;
import org.sapere.assessment.domain.SingleChoice;

/**
 * An item after submitting: the form as the learner filled it in ({@link #asked} with {@link #saved}, shown
 * disabled), the score, and what the quiz lets the learner see. With {@code showFeedback}: a mark on each part
 * answered, the author's feedback and the scorer's reasons, and the explanation. With {@code showCorrect}: the correct
 * answer. A graded essay may carry its rubric result and staff's comment whatever the quiz shows.
 *
 * @param marks part id (option, gap, thing to order, left, or {@link Feedback#ANSWER}; for true/false the value
 *     chosen) to how right it was; empty without feedback
 * @param feedback the parts with something to say (an author's text or a reason); empty without feedback
 * @param solution the correct answer, or null when not shown (and for essays, which have none)
 * @param rubric the level staff chose for each criterion of a graded essay; otherwise empty
 * @param staffComment staff's comment on a graded essay, plain text
 */
public record ReviewedItem(
        AskedItem asked,
        Map<String, List<String>> saved,
        boolean answered,
        BigDecimal points,
        BigDecimal max,
        Correctness correctness,
        Map<String, Correctness> marks,
        List<Part> feedback,
        @Nullable String explanationHtml,
        @Nullable Solution solution,
        List<Graded> rubric,
        @Nullable String staffComment) {

    public ReviewedItem {
        Objects.requireNonNull(asked);
        saved = Map.copyOf(saved);
        Objects.requireNonNull(correctness);
        marks = Map.copyOf(marks);
        feedback = List.copyOf(feedback);
        rubric = List.copyOf(rubric);
    }

    /**
     * Feedback on one part. {@code labelHtml} names it (an option's or thing's text, a left), or {@code gap} (from 1)
     * when it is a gap, neither when the answer is one piece. {@code reason} is a message key.
     */
    public record Part(
            String id,
            @Nullable String labelHtml,
            int gap,
            Correctness correctness,
            @Nullable String textHtml,
            @Nullable String reason) {}

    /** The level staff chose for one criterion of an essay, worth {@code points} of the criterion's {@code max}. */
    public record Graded(String criterionHtml, String levelHtml, BigDecimal points, BigDecimal max) {}

    /** The correct answer, per type. */
    public sealed interface Solution {

        /** The ids of the correct options; the form marks them. */
        record Options(Set<String> ids) implements Solution {

            public Options {
                ids = Set.copyOf(ids);
            }
        }

        /** Whether the statement is true; the form marks the answer. */
        record Statement(boolean value) implements Solution {}

        /**
         * The number compared with (already rounded to the significant figures, if required), written for the
         * learner's language, with the tolerances and the unit's spellings.
         */
        record Value(
                String value,
                @Nullable String absoluteTolerance,
                @Nullable String relativeTolerance,
                @Nullable Integer significantFigures,
                List<String> units,
                boolean unitRequired)
                implements Solution {

            public Value {
                units = List.copyOf(units);
            }
        }

        /** Accepted texts, and the regular expressions an answer may match instead. */
        record Texts(List<String> literals, List<String> patterns) implements Solution {

            public Texts {
                literals = List.copyOf(literals);
                patterns = List.copyOf(patterns);
            }
        }

        /** The right option of a choice gap. */
        record Pick(AskedItem.Choice choice) implements Solution {}

        /** Each gap's answer ({@link Texts}, {@link Value} or {@link Pick}), in reading order. */
        record Gaps(List<GapAnswer> gaps) implements Solution {

            public Gaps {
                gaps = List.copyOf(gaps);
            }
        }

        record GapAnswer(String id, int number, Solution answer) {}

        /** The things in the correct order. */
        record Sequence(List<AskedItem.Choice> items) implements Solution {

            public Sequence {
                items = List.copyOf(items);
            }
        }

        record Pairs(List<Pair> pairs) implements Solution {

            public Pairs {
                pairs = List.copyOf(pairs);
            }
        }

        record Pair(AskedItem.Choice left, AskedItem.Choice right) {}
    }

    /** The review of an item, without a rubric result or comment. */
    public static ReviewedItem of(
            Item item,
            int position,
            long seed,
            Map<String, List<String>> saved,
            Score score,
            boolean showFeedback,
            boolean showCorrect,
            Locale locale) {
        return of(item, position, seed, saved, score, showFeedback, showCorrect, locale, null, null);
    }

    /**
     * The review of an item; for a graded essay, {@code grade} maps each criterion id to the level chosen (as given to
     * {@link org.sapere.assessment.domain.Scoring#grade}) and {@code staffComment} is staff's comment, if any.
     */
    public static ReviewedItem of(
            Item item,
            int position,
            long seed,
            Map<String, List<String>> saved,
            Score score,
            boolean showFeedback,
            boolean showCorrect,
            Locale locale,
            @Nullable Map<String, String> grade,
            @Nullable String staffComment) {
        var asked = AskedItem.of(item, position, seed, locale);
        var response = AnswerForm.response(item, saved);
        var rubric = item instanceof Essay essay && grade != null ? graded(essay, grade, locale) : List.<Graded>of();
        var marks = new HashMap<String, Correctness>();
        var parts = new ArrayList<Part>();
        if (showFeedback) {
            for (var feedback : score.feedback()) {
                var id = partId(feedback, response);
                marks.put(id, feedback.correctness());
                if (rubric.isEmpty() && (feedback.text() != null || feedback.reason() != null)) {
                    parts.add(new Part(
                            id,
                            label(item, feedback.part(), locale),
                            gapNumber(asked, feedback.part()),
                            feedback.correctness(),
                            feedback.text() == null ? null : Html.block(feedback.text(), locale),
                            feedback.reason()));
                }
            }
        }
        var explanation = item.info().explanation();
        return new ReviewedItem(
                asked,
                saved,
                !(response instanceof Response.Unanswered),
                score.points(),
                score.max(),
                score.correctness(),
                marks,
                parts,
                showFeedback && explanation != null ? Html.block(explanation, locale) : null,
                showCorrect ? Solutions.of(item, asked, locale) : null,
                rubric,
                staffComment == null || staffComment.isBlank() ? null : staffComment.strip());
    }

    /** How right the learner's answer to a part was, or null when not shown. */
    public @Nullable Correctness mark(String part) {
        return marks.get(part);
    }

    /** Whether the option (or true/false value) is a correct answer and the correct answer is shown. */
    public boolean correctChoice(String value) {
        if (solution == null) {
            return false;
        }
        return switch (solution) {
            case Solution.Options options -> options.ids().contains(value);
            case Solution.Statement statement ->
                String.valueOf(statement.value()).equals(value);
            default -> false;
        };
    }

    public boolean pending() {
        return correctness == Correctness.PENDING;
    }

    /** True/false feedback concerns the value chosen, which is what the form marks. */
    private static String partId(Feedback feedback, Response response) {
        return response instanceof Response.TrueFalse answer && feedback.part().equals(Feedback.ANSWER)
                ? String.valueOf(answer.answer())
                : feedback.part();
    }

    private static @Nullable String label(Item item, String part, Locale locale) {
        List<Option> named = switch (item) {
            case SingleChoice i -> i.options();
            case MultipleResponse i -> i.options();
            case Ordering i -> i.items();
            case Matching i -> i.lefts();
            default -> List.of();
        };
        for (var option : named) {
            if (option.id().equals(part)) {
                return Html.inline(option.text(), locale);
            }
        }
        if (item instanceof Essay essay) {
            for (var criterion : essay.rubric().criteria()) {
                if (criterion.id().equals(part)) {
                    return Html.inline(criterion.description(), locale);
                }
            }
        }
        return null;
    }

    private static int gapNumber(AskedItem asked, String part) {
        if (asked.body() instanceof AskedItem.Blanks blanks) {
            for (var segment : blanks.segments()) {
                if (segment instanceof AskedItem.Gap gap && gap.id().equals(part)) {
                    return gap.number();
                }
            }
        }
        return 0;
    }

    private static List<Graded> graded(Essay essay, Map<String, String> grade, Locale locale) {
        var graded = new ArrayList<Graded>();
        for (var criterion : essay.rubric().criteria()) {
            var levelId = grade.get(criterion.id());
            var level = levelId == null ? null : criterion.level(levelId).orElse(null);
            if (level != null) {
                graded.add(new Graded(
                        Html.inline(criterion.description(), locale),
                        Html.inline(level.description(), locale),
                        level.points(),
                        criterion.maxPoints()));
            }
        }
        return graded;
    }
}
