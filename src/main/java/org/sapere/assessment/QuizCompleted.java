package org.sapere.assessment;

import org.sapere.course.CourseId;
import org.sapere.course.LessonId;
import org.sapere.identity.AccountId;

/**
 * A quiz lesson is done for a learner: a graded quiz passed, or a practice quiz submitted. Published once per
 * learner and lesson; the learning module completes the lesson.
 */
public record QuizCompleted(AccountId learner, CourseId course, LessonId lesson) {}
