package org.sapere.learning.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.sapere.assessment.QuizLessons;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseOutline;
import org.sapere.course.LessonId;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.SignedInUser;
import org.sapere.learning.LearnerProgress;
import org.sapere.learning.NotEnrolledException;
import org.sapere.learning.goals.WeeklyGoals;
import org.sapere.learning.notes.LessonNotes;
import org.sapere.shared.NotFoundException;
import org.sapere.video.VideoLessons;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
    private final WeeklyGoals goals;
    private final LessonNotes notes;

    LearningController(
            WeeklyGoals goals,
            LearnerProgress progress,
            CourseAuthoring courses,
            Registrar registrar,
            VideoLessons videos,
            QuizLessons quizzes,
            LessonNotes notes) {
        this.goals = goals;
        this.notes = notes;
        this.quizzes = quizzes;
        this.progress = progress;
        this.courses = courses;
        this.registrar = registrar;
        this.videos = videos;
    }

    /** The choices offered for "I have N minutes"; any other whole number of minutes can be typed in. */
    static final List<Integer> MINUTE_CHOICES = List.of(5, 10, 15, 30);

    static final int MAX_MINUTES = 600;

    /** The header "Save for offline" sends with the copies it fetches. */
    static final String OFFLINE_COPY = "X-Sapere-Offline";

    @GetMapping("/learn")
    ModelAndView dashboard(@AuthenticationPrincipal SignedInUser user) {
        var dashboard = progress.dashboard(user.accountId());
        return new ModelAndView("learning/dashboard")
                .addObject("goal", goals.card(user.accountId()))
                .addObject("courses", dashboard.courses())
                .addObject("next", dashboard.continueWith().orElse(null))
                .addObject("minuteChoices", MINUTE_CHOICES);
    }

    /** "I have N minutes": the next lessons that fit, across the learner's courses, to play through in order. */
    @GetMapping("/learn/minutes")
    ModelAndView minutes(
            @RequestParam(name = "n", required = false) String typed, @AuthenticationPrincipal SignedInUser user) {
        Integer minutes = null;
        try {
            minutes = typed == null ? null : Integer.valueOf(typed.strip());
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        var view = new ModelAndView("learning/playlist").addObject("minuteChoices", MINUTE_CHOICES);
        if (minutes == null || minutes < 1 || minutes > MAX_MINUTES) {
            return view.addObject("typed", typed == null ? "" : typed)
                    .addObject("problem", typed == null ? null : "learn.minutes.invalid")
                    .addObject("minutes", 0)
                    .addObject("items", List.of())
                    .addObject("list", "");
        }
        var items = progress.playlist(user.accountId(), minutes);
        return view.addObject("typed", String.valueOf(minutes))
                .addObject("problem", null)
                .addObject("minutes", minutes)
                .addObject("items", items)
                .addObject(
                        "list",
                        items.stream()
                                .map(i -> i.lesson().id().toString())
                                .collect(java.util.stream.Collectors.joining(",")));
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
            @RequestParam(name = "playlist", required = false) String playlist,
            @org.springframework.web.bind.annotation.RequestHeader(name = OFFLINE_COPY, required = false)
                    String offlineCopy,
            @AuthenticationPrincipal SignedInUser user,
            java.util.Locale locale) {
        var course = enrolledCourse(slug, user);
        var lesson = course.lesson(lessonId).orElseThrow(() -> new NotFoundException("lesson " + lessonId));
        var lessons = course.lessons().toList();
        var index = lessons.indexOf(lesson);
        if (offlineCopy == null) {
            // A copy saved for offline reading is not the learner opening the lesson.
            progress.opened(user.accountId(), course, lesson.id());
        }
        var state = progress.of(user.accountId(), course);
        return new ModelAndView("learning/player")
                .addObject("progress", state)
                .addObject("learnerKey", user.accountId().value().toString())
                .addObject("related", state.courseCompleted() ? related(course, user) : List.of())
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
                .addObject("next", index < lessons.size() - 1 ? lessons.get(index + 1) : null)
                .addObject("playlist", Playlist.of(playlist, lesson.id(), courses));
    }

    /**
     * What "Save for offline" keeps on the device: the course's readings and materials (their pages and files).
     * Videos and quizzes need the network.
     */
    @GetMapping(path = "/learn/courses/{slug}/offline", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    java.util.Map<String, Object> offline(@PathVariable String slug, @AuthenticationPrincipal SignedInUser user) {
        var course = enrolledCourse(slug, user);
        var base = "/learn/courses/" + slug + "/lessons/";
        var urls = new java.util.ArrayList<String>();
        course.lessons()
                .filter(l -> l.bodyHtml().isPresent() || l.material().isPresent())
                .filter(l -> !VideoLessons.isVideo(l) && !QuizLessons.isQuiz(l))
                .forEach(l -> {
                    urls.add(base + l.id());
                    if (l.material().isPresent()) {
                        urls.add(base + l.id() + "/file");
                    }
                });
        return java.util.Map.of("course", slug, "urls", urls);
    }

    /** Courses to go on with after completing one: of the same university first, not taken yet. */
    private List<CourseOutline> related(CourseOutline done, SignedInUser user) {
        var taken = registrar.enrolments(user.accountId()).stream()
                .map(e -> e.course())
                .collect(java.util.stream.Collectors.toSet());
        return courses.published().stream()
                .filter(c -> !c.id().equals(done.id()) && !taken.contains(c.id()))
                .sorted(java.util.Comparator.comparing(c -> !c.organisation().equals(done.organisation())))
                .limit(3)
                .toList();
    }

    @PostMapping("/learn/courses/{slug}/lessons/{lessonId}/complete")
    String complete(
            @PathVariable String slug,
            @PathVariable UUID lessonId,
            @RequestParam(name = "playlist", required = false) String playlist,
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
        var list = Playlist.of(playlist, new LessonId(lessonId), courses);
        if (list != null && !state.courseCompleted()) {
            // Playing through "I have N minutes": on to the list's next lesson, or back to the list at its end.
            if (list.next() != null) {
                flash.addFlashAttribute("notice", "learning.lessonCompleted");
                return "redirect:" + list.nextUrl();
            }
            flash.addFlashAttribute("notice", "learning.playlistDone");
            return "redirect:/learn";
        }
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
