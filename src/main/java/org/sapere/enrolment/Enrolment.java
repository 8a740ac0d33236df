package org.sapere.enrolment;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.course.CourseId;
import org.sapere.identity.AccountId;

/** A learner's active enrolment in a course; {@code run} names a scheduled run of the course when there is one. */
public record Enrolment(
        AccountId learner, CourseId course, @Nullable UUID run, Instant enrolledAt) {}
