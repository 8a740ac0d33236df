package org.sapere.learning.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.sapere.assessment.QuizLessons;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseOutline;
import org.sapere.course.LessonId;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.SignedInUser;
import org.sapere.learning.LearnerProgress;
import org.sapere.learning.NotEnrolledException;
import org.sapere.learning.notes.LessonNotes;
import org.sapere.shared.NotFoundException;
import org.sapere.video.VideoLessons;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** "My learning" and the course player. Every address checks that the signed-in learner is enrolled. */
@Controller
class LearningController {

    private final LearnerProgress progress;
    private final CourseAuthoring courses;
    private final Registrar registrar;
    private final VideoLessons videos;
    private final QuizLessons quizzes;
    private final LessonNotes notes;

    LearningController(
            LearnerProgress progress,
            CourseAuthoring courses,
            Registrar registrar,
            VideoLessons videos,
            QuizLessons quizzes,
            LessonNotes notes) {
        this.notes = notes;
        this.quizzes = quizzes;
        this.progress = progress;
        this.courses = courses;
        this.registrar = registrar;
        this.videos = videos;
    }

    @GetMapping("/learn")
    ModelAndView dashboard(@AuthenticationPrincipal SignedInUser user) {
        var dashboard = progress.dashboard(user.accountId());
        return new ModelAndView("learning/dashboard")
                .addObject("courses", dashboard.courses())
                .addObject("next", dashboard.continueWith().orElse(null));
    }

    /** The course's next unfinished lesson, or its first when all are done. */
    @GetMapping("/learn/courses/{slug}")
    String resume(
            @PathVariable String slug,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletRequest request,
            RedirectAttributes flash) {
        // A notice meant for the lesson (e.g. "You are enrolled") passes through this redirect.
        var notice = RequestContextUtils.getInputFlashMap(request);
        if (notice != null) {
            flash.addFlashAttribute("notice", notice.get("notice"));
        }
        var course = enrolledCourse(slug, user);
        var state = progress.of(user.accountId(), course);
        var lesson = state.nextLesson().or(() -> course.lessons().findFirst());
        return lesson.map(l -> "redirect:/learn/courses/" + slug + "/lessons/" + l.id())
                .orElse("redirect:/courses/" + slug);
    }

    @GetMapping("/learn/courses/{slug}/lessons/{lessonId}")
    ModelAndView lesson(
            @PathVariable String slug,
            @PathVariable UUID lessonId,
            @AuthenticationPrincipal SignedInUser user,
            java.util.Locale locale) {
        var course = enrolledCourse(slug, user);
        var lesson = course.lesson(lessonId).orElseThrow(() -> new NotFoundException("lesson " + lessonId));
        var lessons = course.lessons().toList();
        var index = lessons.indexOf(lesson);
        return new ModelAndView("learning/player")
                .addObject("progress", progress.of(user.accountId(), course))
                .addObject("lesson", lesson)
                .addObject("marksComplete", courses.learnerMarksComplete(lesson.kind()))
                .addObject(
                        "video",
                        VideoLessons.isVideo(lesson)
                                ? videos.player(user.accountId(), course, lesson.id(), locale)
                                : null)
                .addObject(
                        "quiz",
                        QuizLessons.isQuiz(lesson)
                                ? quizzes.intro(user.accountId(), course, lesson.id())
                                        .orElse(null)
                                : null)
                .addObject("notes", notes.panel(user.accountId(), course, lesson))
                .addObject("previous", index > 0 ? lessons.get(index - 1) : null)
                .addObject("next", index < lessons.size() - 1 ? lessons.get(index + 1) : null);
    }

    @PostMapping("/learn/courses/{slug}/lessons/{lessonId}/complete")
    String complete(
            @PathVariable String slug,
            @PathVariable UUID lessonId,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes flash) {
        var course = enrolledCourse(slug, user);
        var lesson = course.lesson(lessonId).orElseThrow(() -> new NotFoundException("lesson " + lessonId));
        if (!courses.learnerMarksComplete(lesson.kind())) {
            // A video completes itself once enough of it is watched; it cannot be ticked off.
            flash.addFlashAttribute("problem", "learning.completesItself");
            return "redirect:/learn/courses/" + slug + "/lessons/" + lessonId;
        }
        var state = progress.complete(user.accountId(), course, new LessonId(lessonId));
        if (state.courseCompleted()) {
            flash.addFlashAttribute("notice", "learning.courseCompleted");
            return "redirect:/learn/courses/" + slug + "/lessons/" + lessonId;
        }
        var lessons = course.lessons().toList();
        var index = lessons.indexOf(course.lesson(lessonId).orElseThrow());
        var target = index < lessons.size() - 1
                ? lessons.get(index + 1)
                : state.nextLesson().orElseThrow();
        flash.addFlashAttribute("notice", "learning.lessonCompleted");
        return "redirect:/learn/courses/" + slug + "/lessons/" + target.id();
    }

    @ExceptionHandler(NotEnrolledException.class)
    String notEnrolled(NotEnrolledException e, RedirectAttributes flash) {
        flash.addFlashAttribute("notice", "learning.enrolFirst");
        return "redirect:/courses/" + e.courseSlug();
    }

    private CourseOutline enrolledCourse(String slug, SignedInUser user) {
        var course = courses.outlineBySlug(slug).orElseThrow(() -> new NotFoundException("course " + slug));
        if (!registrar.isEnrolled(user.accountId(), course.id())) {
            throw new NotEnrolledException(slug);
        }
        return course;
    }
}
