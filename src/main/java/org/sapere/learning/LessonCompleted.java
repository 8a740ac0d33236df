package org.sapere.learning;

import org.sapere.course.CourseId;
import org.sapere.course.LessonId;
import org.sapere.identity.AccountId;

/** A learner completed a lesson for the first time. */
public record LessonCompleted(AccountId learner, CourseId course, LessonId lesson) {}
