package org.sapere.learning;

import org.sapere.assessment.CourseAssessmentPassed;
import org.sapere.assessment.QuizCompleted;
import org.sapere.course.CourseAuthoring;
import org.sapere.enrolment.Registrar;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A quiz lesson is complete once the assessment module says so (a graded quiz passed, a practice quiz taken); a
 * course whose lessons are all done completes when the learner meets its passing rule.
 */
@Component
class QuizCompletion {

    private final LearnerProgress progress;
    private final CourseAuthoring courses;
    private final Registrar registrar;

    QuizCompletion(LearnerProgress progress, CourseAuthoring courses, Registrar registrar) {
        this.progress = progress;
        this.courses = courses;
        this.registrar = registrar;
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

    @ApplicationModuleListener
    void on(CourseAssessmentPassed passed) {
        courses.outline(passed.course()).ifPresent(course -> {
            if (registrar.isEnrolled(passed.learner(), course.id())) {
                progress.completeCourseIfDone(passed.learner(), course, progress.of(passed.learner(), course));
            }
        });
    }
}
