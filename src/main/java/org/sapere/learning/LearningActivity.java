package org.sapere.learning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.course.CourseId;
import org.sapere.course.LessonId;
import org.sapere.identity.AccountId;

/**
 * What a learner did in one course's lessons, as the player reported it (a batch of heartbeats) or the server saw it
 * (a lesson opened). Each step has its own id, chosen where it happened, so a step sent twice is one step; the
 * record store derives each statement's id from it.
 *
 * @param registration the learner's enrolment in the course
 */
public record LearningActivity(AccountId learner, CourseId course, UUID registration, List<Step> steps) {

    public LearningActivity {
        steps = List.copyOf(steps);
    }

    /**
     * One thing the learner did in a lesson at a moment.
     *
     * @param video whether the lesson is a video lesson
     * @param position the second of the video (or, for a reading, the share scrolled, 0–1) at that moment, if known
     */
    public record Step(
            UUID id,
            LessonId lesson,
            boolean video,
            Verb verb,
            Instant at,
            @Nullable Double position) {}

    /** What a step says the learner did. */
    public enum Verb {
        LAUNCHED,
        INITIALIZED,
        PROGRESSED,
        PLAYED,
        PAUSED,
        SEEKED,
        TERMINATED
    }
}
