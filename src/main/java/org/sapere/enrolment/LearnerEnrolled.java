package org.sapere.enrolment;

import org.sapere.course.CourseId;
import org.sapere.identity.AccountId;

/** A learner enrolled in a course (or came back to one they had left). */
public record LearnerEnrolled(AccountId learner, CourseId course) {}
