package org.sapere.course;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a course counts for, as the European Learning Model's micro-credentials describe it and as credentials will
 * carry it: ECTS credits, the EQF level (1–8) and how learning is assessed. Every part is optional.
 */
public record CourseCredit(
        @Nullable BigDecimal ects,
        @Nullable Integer eqfLevel,
        @Nullable String assessment) {

    public static final CourseCredit NONE = new CourseCredit(null, null, null);

    /** How learning is assessed, as a code (message key {@code credit.assessment.<code>}). */
    public static final List<String> ASSESSMENTS =
            List.of("ONLINE_QUIZZES", "SUPERVISED_EXAM", "PROJECT", "PORTFOLIO", "PEER_REVIEW");

    public CourseCredit {
        if (ects != null && (ects.signum() < 0 || ects.compareTo(BigDecimal.valueOf(60)) > 0)) {
            throw new IllegalArgumentException("ECTS credits are 0 to 60");
        }
        if (eqfLevel != null && (eqfLevel < 1 || eqfLevel > 8)) {
            throw new IllegalArgumentException("EQF levels are 1 to 8");
        }
        if (assessment != null && !ASSESSMENTS.contains(assessment)) {
            throw new IllegalArgumentException("Unknown assessment type " + assessment);
        }
    }

    public boolean isEmpty() {
        return ects == null && eqfLevel == null && assessment == null;
    }
}
