package org.sapere.learning;

import org.sapere.assessment.QuizCompleted;
import org.sapere.course.CourseAuthoring;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A quiz lesson is complete once the assessment module says so (a graded quiz passed, a practice quiz taken). */
@Component
class QuizCompletion {

    private final LearnerProgress progress;
    private final CourseAuthoring courses;

    QuizCompletion(LearnerProgress progress, CourseAuthoring courses) {
        this.progress = progress;
        this.courses = courses;
    }

    @ApplicationModuleListener
    void on(QuizCompleted done) {
        courses.outline(done.course())
                .filter(c -> c.lesson(done.lesson()).isPresent())
                .ifPresent(course -> {
                    try {
                        progress.complete(done.learner(), course, done.lesson());
                    } catch (NotEnrolledException leftMeanwhile) {
                        // The learner left the course after the quiz: nothing to record.
                    }
                });
    }
}
