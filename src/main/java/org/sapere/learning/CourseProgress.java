package org.sapere.learning;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sapere.course.CourseOutline;
import org.sapere.course.LessonId;
import org.sapere.video.VideoLessons;

/**
 * A learner's progress in one course's current version.
 *
 * @param videos where the learner stopped in the videos they started and have not finished (may be left empty)
 */
public record CourseProgress(CourseOutline course, Set<LessonId> completed, Map<LessonId, VideoLessons.Resume> videos) {

    public CourseProgress {
        completed = Set.copyOf(completed);
        videos = Map.copyOf(videos);
    }

    public CourseProgress(CourseOutline course, Set<LessonId> completed) {
        this(course, completed, Map.of());
    }

    /** Minutes a lesson still takes: the rest of a half-watched video, else the lesson's length; 0 once done. */
    public int minutesLeft(CourseOutline.LessonOutline lesson) {
        if (completed.contains(lesson.id())) {
            return 0;
        }
        var video = videos.get(lesson.id());
        return video == null ? lesson.minutes() : Math.max(1, (int) Math.ceil(video.secondsLeft() / 60));
    }

    /** Done lessons of a module, for the outline. */
    public long completedIn(CourseOutline.ModuleOutline module) {
        return module.lessons().stream().filter(l -> completed.contains(l.id())).count();
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

    /** Minutes of the lessons still to do, counting only the unwatched rest of half-watched videos. */
    public int minutesLeft() {
        return course.lessons().mapToInt(this::minutesLeft).sum();
    }
}
