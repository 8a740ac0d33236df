package org.sapere.learning;

import java.util.List;
import java.util.Optional;
import org.sapere.assessment.QuizLessons;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseOutline;
import org.sapere.course.LessonId;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.AccountId;
import org.sapere.learning.domain.Progress;
import org.sapere.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The learning module's facade: records progress and answers what a learner has done and what comes next. */
@Service
public class LearnerProgress {

    private final Progress progress;
    private final CourseAuthoring courses;
    private final Registrar registrar;
    private final ApplicationEventPublisher events;
    private final QuizLessons quizzes;

    LearnerProgress(
            Progress progress,
            CourseAuthoring courses,
            Registrar registrar,
            ApplicationEventPublisher events,
            QuizLessons quizzes) {
        this.quizzes = quizzes;
        this.progress = progress;
        this.courses = courses;
        this.registrar = registrar;
        this.events = events;
    }

    /**
     * Marks a lesson complete for an enrolled learner. Completing it again changes nothing; completing the last
     * lesson completes the course (once), provided the learner meets the course's passing rule (assessment).
     */
    @Transactional
    public CourseProgress complete(AccountId learner, CourseOutline course, LessonId lesson) {
        if (course.lesson(lesson).isEmpty()) {
            throw new NotFoundException("lesson " + lesson);
        }
        if (!registrar.isEnrolled(learner, course.id())) {
            throw new NotEnrolledException(course.slug());
        }
        if (progress.complete(learner.value(), course.id().value(), lesson.value())) {
            events.publishEvent(new LessonCompleted(learner, course.id(), lesson));
        }
        var now = of(learner, course);
        completeCourseIfDone(learner, course, now);
        return now;
    }

    /** Completes the course (once) when every lesson is done and the course's passing rule is met. */
    void completeCourseIfDone(AccountId learner, CourseOutline course, CourseProgress now) {
        if (now.courseCompleted()
                && quizzes.meetsPassingRule(learner, course.id())
                && progress.completeCourse(learner.value(), course.id().value(), course.version())) {
            events.publishEvent(new CourseCompleted(learner, course.id(), course.version()));
        }
    }

    public CourseProgress of(AccountId learner, CourseOutline course) {
        return new CourseProgress(
                course, progress.completedLessons(learner.value(), course.id().value()));
    }

    /**
     * The learner's courses with their progress, most recently enrolled first, and where "Continue" leads: the
     * unfinished course the learner worked in last (or else the first unfinished one). Two queries in all.
     */
    public Dashboard dashboard(AccountId learner) {
        var enrolments = registrar.enrolments(learner);
        var done = progress.completedLessonsByCourse(
                learner.value(),
                enrolments.stream().map(e -> e.course().value()).toList());
        var courses = enrolments.stream()
                .map(e -> this.courses.outline(e.course()))
                .flatMap(Optional::stream)
                .map(c -> new CourseProgress(c, done.lessons().getOrDefault(c.id().value(), java.util.Set.of())))
                .toList();
        var unfinished = courses.stream().filter(p -> !p.courseCompleted()).toList();
        var next = unfinished.stream()
                .filter(p -> done.lastActiveCourse()
                        .map(c -> c.equals(p.course().id().value()))
                        .orElse(false))
                .findFirst()
                .or(() -> unfinished.stream().findFirst());
        return new Dashboard(courses, next);
    }

    /** What "My learning" shows. */
    public record Dashboard(List<CourseProgress> courses, Optional<CourseProgress> continueWith) {}
}
