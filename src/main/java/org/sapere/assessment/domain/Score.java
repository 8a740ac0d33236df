package org.sapere.assessment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * The points a response earned out of {@code max} (the item's points), both at {@link #SCALE} decimal places, how
 * right it was, and feedback on its parts. {@code correctness} follows the points: all of them is correct, none is
 * incorrect, in between is partial; an essay waiting for staff is pending with no points.
 */
public record Score(BigDecimal points, BigDecimal max, Correctness correctness, List<Feedback> feedback) {

    /** Decimal places of every score; shares are rounded half up to them, once. */
    public static final int SCALE = Rules.SCALE;

    public Score {
        points = points.setScale(SCALE, RoundingMode.HALF_UP);
        max = max.setScale(SCALE, RoundingMode.HALF_UP);
        if (points.signum() < 0 || points.compareTo(max) > 0) {
            throw new IllegalArgumentException("Points " + points + " outside 0.." + max);
        }
        Objects.requireNonNull(correctness);
        feedback = List.copyOf(feedback);
    }

    /** Points out of max, correctness following from them. */
    static Score of(BigDecimal points, BigDecimal max, List<Feedback> feedback) {
        var scaled = points.setScale(SCALE, RoundingMode.HALF_UP);
        Correctness correctness;
        if (scaled.signum() == 0) {
            correctness = Correctness.INCORRECT;
        } else if (scaled.compareTo(max) >= 0) {
            correctness = Correctness.CORRECT;
        } else {
            correctness = Correctness.PARTIAL;
        }
        return new Score(scaled, max, correctness, feedback);
    }

    /** {@code max × right / total}, rounded once: 2 of 3 gaps of 1 point is 0.6667, and 3 of 3 is exactly 1. */
    static BigDecimal share(BigDecimal max, int right, int total) {
        return max.multiply(BigDecimal.valueOf(right)).divide(BigDecimal.valueOf(total), SCALE, RoundingMode.HALF_UP);
    }
}
