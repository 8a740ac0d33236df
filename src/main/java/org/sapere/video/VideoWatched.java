package org.sapere.video;

import org.sapere.course.CourseId;
import org.sapere.course.LessonId;
import org.sapere.identity.AccountId;

/**
 * A learner has watched enough of a video lesson (its completion share of the video, really played, not skipped):
 * the learning module completes the lesson. Published once per learner and lesson.
 */
public record VideoWatched(AccountId learner, CourseId course, LessonId lesson) {}
