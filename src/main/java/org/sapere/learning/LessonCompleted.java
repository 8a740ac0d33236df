package org.sapere.learning;

import java.time.Instant;
import org.sapere.course.CourseId;
import org.sapere.course.LessonId;
import org.sapere.identity.AccountId;

/** A learner completed a lesson for the first time, at {@code at}. */
public record LessonCompleted(AccountId learner, CourseId course, LessonId lesson, Instant at) {}
