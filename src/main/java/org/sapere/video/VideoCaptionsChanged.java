package org.sapere.video;

import org.sapere.course.CourseId;

/** A course's video captions were added, replaced or removed: their words are searchable in the catalogue. */
public record VideoCaptionsChanged(CourseId course) {}
