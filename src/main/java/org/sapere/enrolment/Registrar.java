package org.sapere.enrolment;

import java.util.List;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseId;
import org.sapere.enrolment.domain.Enrolments;
import org.sapere.identity.AccountId;
import org.sapere.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The enrolment module's facade: enrols and unenrols learners, and says who is enrolled where. */
@Service
public class Registrar {

    private final Enrolments enrolments;
    private final CourseAuthoring courses;
    private final ApplicationEventPublisher events;

    Registrar(Enrolments enrolments, CourseAuthoring courses, ApplicationEventPublisher events) {
        this.enrolments = enrolments;
        this.courses = courses;
        this.events = events;
    }

    /**
     * Enrols the learner in a published course. Enrolling twice is harmless: the database keeps one enrolment per
     * learner and course, and the event is published only when something changed.
     */
    @Transactional
    public void enrol(AccountId learner, CourseId course) {
        if (courses.outline(course).isEmpty()) {
            throw new NotFoundException("course " + course);
        }
        if (enrolments.activate(learner.value(), course.value())) {
            events.publishEvent(new LearnerEnrolled(learner, course));
        }
    }

    @Transactional
    public void unenrol(AccountId learner, CourseId course) {
        if (enrolments.withdraw(learner.value(), course.value())) {
            events.publishEvent(new LearnerUnenrolled(learner, course));
        }
    }

    public boolean isEnrolled(AccountId learner, CourseId course) {
        return enrolments.isActive(learner.value(), course.value());
    }

    /**
     * The id of the learner's active enrolment in the course, if enrolled: the registration under which their
     * learning records are kept (an enrolment keeps its id when the learner leaves and comes back).
     */
    public java.util.Optional<java.util.UUID> registration(AccountId learner, CourseId course) {
        return enrolments.activeId(learner.value(), course.value());
    }

    /** How many learners are enrolled in the course now. */
    public int enrolmentCount(CourseId course) {
        return enrolments.countActive(course.value());
    }

    /** The learners enrolled in the course now (for gradebooks and reports). */
    public List<AccountId> learners(CourseId course) {
        return enrolments.activeLearners(course.value()).stream()
                .map(AccountId::new)
                .toList();
    }

    /** The learner's active enrolments, most recent first. */
    public List<Enrolment> enrolments(AccountId learner) {
        return enrolments.active(learner.value());
    }
}
