package org.sapere.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the course player shows on a quiz lesson before an attempt: the rules, the learner's attempts so far, and how
 * to start (or go back to) one.
 *
 * @param maxAttempts 0 when unlimited
 * @param attemptsLeft -1 when unlimited
 * @param openUrl the open attempt's page, when there is one
 * @param refusal the message key saying why no attempt can start, or null
 */
public record QuizIntro(
        int questions,
        int timeLimitMinutes,
        int maxAttempts,
        int attemptsLeft,
        BigDecimal passingPercent,
        boolean graded,
        @Nullable Instant closesAt,
        List<Past> attempts,
        @Nullable String openUrl,
        String startUrl,
        @Nullable String refusal,
        boolean done,
        @Nullable String gradesUrl) {

    public QuizIntro {
        attempts = List.copyOf(attempts);
    }

    /** An attempt already made. */
    public record Past(
            int number,
            @Nullable Instant submittedAt,
            @Nullable BigDecimal percent,
            @Nullable Boolean passed,
            boolean waiting,
            boolean late,
            String url) {}
}
