package org.sapere.course;

import java.util.Optional;

/**
 * A lesson kind contributed by another module (video, later quizzes): it keeps its own content keyed by
 * {@link LessonId}, and this module offers the kind in the author's menu, links the lesson page to the kind's own
 * editor, and asks before publishing whether the lesson is ready. Implementations must not depend on this module's
 * beans (they are injected into the course editor).
 */
public interface LessonKindContribution {

    LessonKind kind();

    /** The message key of the kind's name in the author's menu, e.g. {@code author.kind.video}. */
    String nameKey();

    /** The message key of the link from the lesson's page to {@link #editorPath}, e.g. "Manage the video". */
    String manageKey();

    /** The address of the page where an author manages this kind's content for one lesson of a draft. */
    String editorPath(CourseId course, LessonId lesson);

    /**
     * An address that answers a short HTML fragment about the lesson's content (shown on the lesson's page in the
     * course editor), or empty.
     */
    default Optional<String> summaryPath(CourseId course, LessonId lesson) {
        return Optional.empty();
    }

    /** Whether learners mark such a lesson complete themselves; if not, the contributing module completes it. */
    boolean learnerMarksComplete();

    /** The message key of what keeps the lesson from being published (e.g. no video yet), or empty when it is ready. */
    Optional<String> publishProblem(LessonId lesson);
}
