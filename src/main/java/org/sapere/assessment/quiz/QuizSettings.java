package org.sapere.assessment.quiz;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How a quiz lesson asks its questions and grades them.
 *
 * @param slots fixed items and random draws by tag, in order
 * @param maxAttempts 0 for as many as the learner likes
 * @param timeLimitMinutes 0 for no limit; otherwise enforced on the server (answers saved after the limit plus a
 *     short grace do not count)
 * @param graded a graded quiz counts in the gradebook and completes its lesson when passed; a practice quiz only
 *     completes it when submitted
 * @param closesAt after this no attempt starts, and AFTER_CLOSE feedback is shown
 * @param placementModule when set, passing the quiz marks that module of the course as already known
 */
public record QuizSettings(
        UUID lesson,
        UUID course,
        List<Slot> slots,
        boolean shuffleItems,
        boolean shuffleOptions,
        int maxAttempts,
        int timeLimitMinutes,
        BigDecimal passingPercent,
        FeedbackTiming feedback,
        boolean showCorrect,
        boolean graded,
        Category category,
        @Nullable Instant closesAt,
        @Nullable UUID placementModule) {

    public QuizSettings {
        slots = List.copyOf(slots);
    }

    /** A new quiz: no questions yet, graded, pass at 60 %, feedback and answers after submitting. */
    public static QuizSettings initial(UUID lesson, UUID course) {
        return new QuizSettings(
                lesson,
                course,
                List.of(),
                true,
                true,
                0,
                0,
                new BigDecimal("60"),
                FeedbackTiming.AFTER_SUBMIT,
                true,
                true,
                Category.QUIZ,
                null,
                null);
    }

    /** How many questions an attempt asks. */
    public int questionCount() {
        return slots.stream().mapToInt(Slot::count).sum();
    }

    /** A place in the quiz: one fixed item, or {@code count} items drawn from those tagged {@code tag}. */
    public sealed interface Slot {
        int count();
    }

    public record Fixed(UUID item) implements Slot {
        @Override
        public int count() {
            return 1;
        }
    }

    public record Draw(String tag, int count) implements Slot {}

    /** When a learner sees per-question feedback and (if shown) the correct answers. */
    public enum FeedbackTiming {
        /** As soon as the attempt is submitted, whether the quiz is practice or graded. */
        IMMEDIATE,
        AFTER_SUBMIT,
        /** Only once the quiz has closed (its closing date has passed). */
        AFTER_CLOSE,
        /** Only the score. */
        NEVER
    }

    public enum Category {
        QUIZ,
        EXAM,
        ASSIGNMENT
    }
}
