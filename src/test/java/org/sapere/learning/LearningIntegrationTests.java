package org.sapere.learning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.course.CourseAuthoring;
import org.sapere.enrolment.LearnerEnrolled;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.IdentityDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/** The learning module with its dependencies on a real PostgreSQL: progress, completion and their events. */
@Tag("db")
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "config")
class LearningIntegrationTests {

    @Autowired
    LearnerProgress progress;

    @Autowired
    Registrar registrar;

    @Autowired
    CourseAuthoring courses;

    @Autowired
    IdentityDirectory identity;

    @Autowired
    JdbcClient jdbc;

    @Test
    void enrollingTwiceKeepsOneEnrolmentAndPublishesOneEvent(Scenario scenario) {
        var learner = identity.accountByEmail("learner031@learners.sapere.test").orElseThrow();
        var course = courses.outlineBySlug("circular-product-design").orElseThrow();

        scenario.stimulate(() -> registrar.enrol(learner, course.id()))
                .andWaitForEventOfType(LearnerEnrolled.class)
                .matching(e -> e.learner().equals(learner))
                .toArriveAndVerify(e -> assertThat(e.course()).isEqualTo(course.id()));
        registrar.enrol(learner, course.id());

        assertThat(jdbc.sql("SELECT count(*) FROM enrolment.enrolment WHERE account_id = :a AND course_id = :c")
                        .param("a", learner.value())
                        .param("c", course.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void completingEveryLessonCompletesTheCourseOnce(Scenario scenario) {
        var learner = identity.accountByEmail("learner032@learners.sapere.test").orElseThrow();
        var course = courses.outlineBySlug("leading-technical-teams").orElseThrow();
        registrar.enrol(learner, course.id());
        var lessons = course.lessons().toList();
        lessons.subList(0, lessons.size() - 1).forEach(l -> progress.complete(learner, course, l.id()));
        assertThat(progress.of(learner, course).percent()).isBetween(1, 99);
        assertThat(progress.dashboard(learner)
                        .continueWith()
                        .orElseThrow()
                        .lesson()
                        .id())
                .isEqualTo(lessons.getLast().id());

        scenario.stimulate(() ->
                        progress.complete(learner, course, lessons.getLast().id()))
                .andWaitForEventOfType(CourseCompleted.class)
                .matching(e -> e.learner().equals(learner))
                .toArriveAndVerify(e -> assertThat(e.courseVersion()).isEqualTo(course.version()));

        var again = progress.complete(learner, course, lessons.getLast().id());
        assertThat(again.percent()).isEqualTo(100);
        assertThat(jdbc.sql("SELECT count(*) FROM learning.course_completion WHERE account_id = :a")
                        .param("a", learner.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void progressIsRefusedWithoutEnrolment() {
        var learner = identity.accountByEmail("learner033@learners.sapere.test").orElseThrow();
        var course = courses.outlineBySlug("machine-learning-foundations").orElseThrow();
        var lesson = course.lessons().findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> progress.complete(learner, course, lesson.id()))
                .isInstanceOf(NotEnrolledException.class);
        assertThat(progress.of(learner, course).completedCount()).isZero();
    }
}
