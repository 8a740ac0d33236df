package org.sapere.learning;

import java.util.Optional;
import java.util.Set;
import org.sapere.course.CourseOutline;
import org.sapere.course.LessonId;

/** A learner's progress in one course's current version. */
public record CourseProgress(CourseOutline course, Set<LessonId> completed) {

    public CourseProgress {
        completed = Set.copyOf(completed);
    }

    public boolean isCompleted(LessonId lesson) {
        return completed.contains(lesson);
    }

    /** Completed lessons of the current version (lessons removed since do not count). */
    public int completedCount() {
        return (int) course.lessons().filter(l -> completed.contains(l.id())).count();
    }

    /** Whole percent, rounded down, so 100 means every lesson is done. */
    public int percent() {
        var total = course.lessonCount();
        return total == 0 ? 0 : completedCount() * 100 / total;
    }

    public boolean courseCompleted() {
        return course.lessonCount() > 0 && completedCount() == course.lessonCount();
    }

    /** The first lesson in course order that is not completed yet. */
    public Optional<CourseOutline.LessonOutline> nextLesson() {
        return course.lessons().filter(l -> !completed.contains(l.id())).findFirst();
    }

    /** Minutes of the lessons still to do. */
    public int minutesLeft() {
        return course.lessons()
                .filter(l -> !completed.contains(l.id()))
                .mapToInt(CourseOutline.LessonOutline::minutes)
                .sum();
    }
}
