package org.sapere.enrolment.domain;

import java.util.List;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseOutline;
import org.sapere.identity.IdentityDirectory;
import org.sapere.shared.DemoContent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo enrolments: Giulia in two courses, Tomás and Ingrid in one each, and every generated learner in three
 * courses chosen by their number.
 */
@Component
@Profile("!prod")
class EnrolmentDemoContent implements DemoContent {

    private final Enrolments enrolments;
    private final IdentityDirectory identity;
    private final CourseAuthoring courses;
    private final int extraLearners;

    EnrolmentDemoContent(
            Enrolments enrolments,
            IdentityDirectory identity,
            CourseAuthoring courses,
            @Value("${sapere.demo.extra-learners:0}") int extraLearners) {
        this.enrolments = enrolments;
        this.identity = identity;
        this.courses = courses;
        this.extraLearners = extraLearners;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void load() {
        enrol("giulia@example.org", "project-management-essentials", "intelligenza-artificiale-per-tutti");
        enrol("tomas@example.org", "circular-product-design");
        enrol("ingrid@example.org", "machine-learning-foundations");
        var all = courses.published().stream().map(CourseOutline::slug).toList();
        for (int i = 1; i <= extraLearners && !all.isEmpty(); i++) {
            var email = "learner%03d@learners.sapere.test".formatted(i);
            enrol(email, all.get(i % all.size()), all.get((i + 1) % all.size()), all.get((i + 3) % all.size()));
        }
    }

    private void enrol(String email, String... slugs) {
        identity.accountByEmail(email)
                .ifPresent(learner -> List.of(slugs)
                        .forEach(slug -> courses.outlineBySlug(slug)
                                .ifPresent(course -> enrolments.activate(
                                        learner.value(), course.id().value()))));
    }
}
