package org.sapere.video.domain;

import java.util.Optional;
import org.sapere.course.CourseId;
import org.sapere.course.LessonId;
import org.sapere.course.LessonKind;
import org.sapere.course.LessonKindContribution;
import org.springframework.stereotype.Component;

/** Offers "Video" among the lesson kinds; a video lesson is published only once its video is ready. */
@Component
class VideoLessonKind implements LessonKindContribution {

    private final VideoAssets assets;

    VideoLessonKind(VideoAssets assets) {
        this.assets = assets;
    }

    @Override
    public LessonKind kind() {
        return org.sapere.video.VideoLessons.KIND;
    }

    @Override
    public String nameKey() {
        return "author.kind.video";
    }

    @Override
    public String manageKey() {
        return "video.author.manage";
    }

    @Override
    public String editorPath(CourseId course, LessonId lesson) {
        return "/teach/courses/" + course + "/lessons/" + lesson + "/video";
    }

    @Override
    public Optional<String> summaryPath(CourseId course, LessonId lesson) {
        return Optional.of(editorPath(course, lesson) + "/status");
    }

    @Override
    public boolean learnerMarksComplete() {
        return false;
    }

    @Override
    public Optional<String> publishProblem(LessonId lesson) {
        return assets.current(lesson.value()).isPresent() ? Optional.empty() : Optional.of("video.publish.noVideo");
    }
}
