package org.sapere.course;

/** A course's new version is visible to learners. */
public record CoursePublished(CourseId course, int version) {}
