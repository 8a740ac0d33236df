package org.sapere.assessment;

import java.math.BigDecimal;
import org.sapere.course.CourseId;
import org.sapere.identity.AccountId;

/**
 * A learner meets the course's passing rule (for instance 60 % on each graded quiz, or a weighted average). Published
 * once per learner and course, when the last result needed arrives.
 */
public record CourseAssessmentPassed(AccountId learner, CourseId course, BigDecimal percent) {}
