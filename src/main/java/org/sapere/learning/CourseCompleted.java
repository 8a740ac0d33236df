package org.sapere.learning;

import org.sapere.course.CourseId;
import org.sapere.identity.AccountId;

/** A learner completed every lesson of a course's published version; credentials listen to this. */
public record CourseCompleted(AccountId learner, CourseId course, int courseVersion) {}
