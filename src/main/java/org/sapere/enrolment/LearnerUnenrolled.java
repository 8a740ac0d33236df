package org.sapere.enrolment;

import org.sapere.course.CourseId;
import org.sapere.identity.AccountId;

/** A learner left a course; their learning records are kept. */
public record LearnerUnenrolled(AccountId learner, CourseId course) {}
