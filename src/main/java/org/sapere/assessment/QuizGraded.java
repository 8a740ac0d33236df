package org.sapere.assessment;

import java.math.BigDecimal;
import java.util.UUID;
import org.sapere.course.CourseId;
import org.sapere.course.LessonId;
import org.sapere.identity.AccountId;

/**
 * An attempt at a quiz has its final score (at submission, or once staff graded its essays).
 *
 * @param counts whether the quiz is graded (counts in the gradebook) rather than practice
 * @param passed whether the attempt reached the quiz's passing percent
 */
public record QuizGraded(
        AccountId learner,
        CourseId course,
        LessonId lesson,
        UUID attempt,
        int number,
        BigDecimal percent,
        boolean passed,
        boolean counts) {}
