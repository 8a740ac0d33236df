package org.sapere.learning;

import java.time.Instant;
import org.sapere.course.CourseId;
import org.sapere.identity.AccountId;

/**
 * A learner completed every lesson of a course's published version and met its passing rule, at {@code at};
 * credentials listen to this.
 */
public record CourseCompleted(AccountId learner, CourseId course, int courseVersion, Instant at) {}
