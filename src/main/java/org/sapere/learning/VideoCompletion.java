package org.sapere.learning;

import org.sapere.course.CourseAuthoring;
import org.sapere.video.VideoWatched;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A video lesson is complete once the learner has watched enough of it (the video module decides how much). */
@Component
class VideoCompletion {

    private final LearnerProgress progress;
    private final CourseAuthoring courses;

    VideoCompletion(LearnerProgress progress, CourseAuthoring courses) {
        this.progress = progress;
        this.courses = courses;
    }

    @ApplicationModuleListener
    void on(VideoWatched watched) {
        courses.outline(watched.course())
                .filter(c -> c.lesson(watched.lesson()).isPresent())
                .ifPresent(course -> {
                    try {
                        progress.complete(watched.learner(), course, watched.lesson());
                    } catch (NotEnrolledException leftMeanwhile) {
                        // The learner left the course after watching: nothing to record.
                    }
                });
    }
}
