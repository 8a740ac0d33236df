package org.sapere.learning.domain;

import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseOutline;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.IdentityDirectory;
import org.sapere.shared.DemoContent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo progress: Giulia is three lessons into her first course and completed Circular Product Design (so she holds
 * a credential); generated learners are part-way through theirs.
 */
@Component
@Profile("!prod")
class LearningDemoContent implements DemoContent {

    private final Progress progress;
    private final org.sapere.learning.LearnerProgress learnerProgress;
    private final IdentityDirectory identity;
    private final CourseAuthoring courses;
    private final Registrar registrar;
    private final int extraLearners;

    LearningDemoContent(
            Progress progress,
            @org.springframework.context.annotation.Lazy org.sapere.learning.LearnerProgress learnerProgress,
            IdentityDirectory identity,
            CourseAuthoring courses,
            Registrar registrar,
            @Value("${sapere.demo.extra-learners:0}") int extraLearners) {
        this.progress = progress;
        this.learnerProgress = learnerProgress;
        this.identity = identity;
        this.courses = courses;
        this.registrar = registrar;
        this.extraLearners = extraLearners;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void load() {
        identity.accountByEmail("giulia@example.org")
                .ifPresent(giulia -> courses.outlineBySlug("project-management-essentials")
                        .ifPresent(course -> complete(giulia.value(), course, 3)));
        // Giulia finished TU Delft's Circular Product Design: its university issues her a credential.
        identity.accountByEmail("giulia@example.org")
                .ifPresent(giulia -> courses.outlineBySlug("circular-product-design")
                        .ifPresent(course -> {
                            if (!registrar.isEnrolled(giulia, course.id())) {
                                registrar.enrol(giulia, course.id());
                            }
                            course.lessons().forEach(l -> learnerProgress.complete(giulia, course, l.id()));
                        }));
        for (int i = 1; i <= extraLearners; i++) {
            var done = i % 7;
            identity.accountByEmail("learner%03d@learners.sapere.test".formatted(i))
                    .ifPresent(learner -> registrar
                            .enrolments(learner)
                            .forEach(e -> courses.outline(e.course())
                                    .ifPresent(course -> complete(learner.value(), course, done))));
        }
    }

    private void complete(java.util.UUID learner, CourseOutline course, int lessons) {
        course.lessons()
                .limit(lessons)
                .forEach(l -> progress.complete(learner, course.id().value(), l.id().value()));
    }
}
