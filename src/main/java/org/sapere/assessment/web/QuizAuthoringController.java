package org.sapere.assessment.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.sapere.assessment.QuizLessons;
import org.sapere.assessment.bank.ItemBank;
import org.sapere.assessment.quiz.QuizSettings;
import org.sapere.assessment.quiz.QuizStore;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseId;
import org.sapere.course.LessonId;
import org.sapere.identity.SignedInUser;
import org.sapere.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The author's page of a quiz lesson: which bank items it asks (fixed ones, and random draws by tag), and its rules —
 * shuffling, attempts, time limit, passing score, when feedback shows, practice or graded, placement.
 */
@Controller
class QuizAuthoringController {

    /** Draw rows offered on the form beyond those already set. */
    static final int EXTRA_DRAWS = 2;

    private final CourseAuthoring courses;
    private final QuizStore quizzes;
    private final ItemBank bank;

    QuizAuthoringController(CourseAuthoring courses, QuizStore quizzes, ItemBank bank) {
        this.courses = courses;
        this.quizzes = quizzes;
        this.bank = bank;
    }

    @GetMapping("/teach/courses/{id}/lessons/{lessonId}/quiz")
    ModelAndView page(
            @PathVariable("id") UUID course,
            @PathVariable("lessonId") UUID lesson,
            @AuthenticationPrincipal SignedInUser user) {
        var draft = quizLesson(course, lesson, user);
        var quiz = quizzes.find(lesson).orElseGet(() -> QuizSettings.initial(lesson, course));
        return page(draft, course, quiz, List.of());
    }

    /** The short summary shown on the lesson's page in the course editor. */
    @GetMapping("/teach/courses/{id}/lessons/{lessonId}/quiz/summary")
    ModelAndView summary(
            @PathVariable("id") UUID course,
            @PathVariable("lessonId") UUID lesson,
            @AuthenticationPrincipal SignedInUser user) {
        quizLesson(course, lesson, user);
        return new ModelAndView("assessment/quizSummary")
                .addObject("quiz", quizzes.find(lesson).orElse(null))
                .addObject("url", "/teach/courses/" + course + "/lessons/" + lesson + "/quiz");
    }

    @PostMapping("/teach/courses/{id}/lessons/{lessonId}/quiz")
    ModelAndView save(
            @PathVariable("id") UUID course,
            @PathVariable("lessonId") UUID lesson,
            @RequestParam MultiValueMap<String, String> form,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes flash) {
        var draft = quizLesson(course, lesson, user);
        var problems = new ArrayList<QuizForm.Problem>();
        var inBank = bank.list(course, null).stream().map(ItemBank.Entry::id).toList();
        var slots = new ArrayList<QuizSettings.Slot>();
        for (var id : form.getOrDefault("item", List.of())) {
            try {
                var item = UUID.fromString(id);
                if (inBank.contains(item)) {
                    slots.add(new QuizSettings.Fixed(item));
                }
            } catch (IllegalArgumentException ignored) {
                // Not an item id: a tampered form; skip it.
            }
        }
        var tags = form.getOrDefault("drawTag", List.of());
        var counts = form.getOrDefault("drawCount", List.of());
        for (var i = 0; i < tags.size(); i++) {
            var tag = tags.get(i).strip();
            var count = i < counts.size() ? counts.get(i).strip() : "";
            if (tag.isEmpty() && (count.isEmpty() || count.equals("0"))) {
                continue;
            }
            var n = QuizForm.integer(count, 1, 200, "drawCount", problems);
            if (tag.isEmpty()) {
                problems.add(new QuizForm.Problem("drawTag", "assessment.quiz.form.tagMissing"));
            } else if (n != null) {
                slots.add(new QuizSettings.Draw(tag, n));
            }
        }
        var maxAttempts = QuizForm.integer(first(form, "maxAttempts", "0"), 0, 100, "maxAttempts", problems);
        var timeLimit = QuizForm.integer(first(form, "timeLimit", "0"), 0, 600, "timeLimit", problems);
        var passing = QuizForm.percent(first(form, "passing", "60"), "passing", problems);
        var feedback = QuizForm.option(
                first(form, "feedback", "AFTER_SUBMIT"), QuizSettings.FeedbackTiming.class, "feedback", problems);
        var category =
                QuizForm.option(first(form, "category", "QUIZ"), QuizSettings.Category.class, "category", problems);
        var closes = first(form, "closesAt", "");
        java.time.Instant closesAt = null;
        if (!closes.isBlank()) {
            try {
                closesAt = LocalDateTime.parse(closes).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                problems.add(new QuizForm.Problem("closesAt", "assessment.quiz.form.date"));
            }
        }
        UUID placement = null;
        var module = first(form, "placement", "");
        if (!module.isBlank()) {
            placement = draft.lessons().stream()
                    .map(CourseAuthoring.DraftCourse.Lesson::moduleId)
                    .filter(m -> m.toString().equals(module))
                    .findFirst()
                    .orElse(null);
            if (placement == null) {
                problems.add(new QuizForm.Problem("placement", "assessment.quiz.form.module"));
            }
        }
        var candidate = new QuizSettings(
                lesson,
                course,
                slots,
                form.containsKey("shuffleItems"),
                form.containsKey("shuffleOptions"),
                maxAttempts == null ? 0 : maxAttempts,
                timeLimit == null ? 0 : timeLimit,
                passing == null ? new BigDecimal("60") : passing,
                feedback == null ? QuizSettings.FeedbackTiming.AFTER_SUBMIT : feedback,
                form.containsKey("showCorrect"),
                !"practice".equals(first(form, "mode", "graded")),
                category == null ? QuizSettings.Category.QUIZ : category,
                closesAt,
                placement);
        if (!problems.isEmpty()) {
            return page(draft, course, candidate, problems);
        }
        quizzes.save(candidate);
        flash.addFlashAttribute("notice", "assessment.quiz.saved");
        return new ModelAndView("redirect:/teach/courses/" + course + "/lessons/" + lesson + "/quiz");
    }

    private ModelAndView page(
            CourseAuthoring.DraftCourse draft, UUID course, QuizSettings quiz, List<QuizForm.Problem> problems) {
        var lesson = draft.lessons().stream()
                .filter(l -> l.id().value().equals(quiz.lesson()))
                .findFirst()
                .orElseThrow();
        var modules = new LinkedHashMap<UUID, String>();
        for (var l : draft.lessons()) {
            modules.putIfAbsent(l.moduleId(), l.module().original());
        }
        return new ModelAndView("assessment/quiz")
                .addObject("draft", draft)
                .addObject("lesson", lesson)
                .addObject("quiz", quiz)
                .addObject("items", bank.list(course, null))
                .addObject("tags", bank.tags(course))
                .addObject("extraDraws", EXTRA_DRAWS)
                .addObject("modules", modules)
                .addObject("problems", problems);
    }

    private CourseAuthoring.DraftCourse quizLesson(UUID course, UUID lesson, SignedInUser user) {
        var draftLesson = courses.draftLesson(new CourseId(course), new LessonId(lesson), user.accountId());
        if (!QuizLessons.KIND.equals(draftLesson.kind())) {
            throw new NotFoundException("quiz lesson " + lesson);
        }
        return courses.draftCourse(new CourseId(course), user.accountId());
    }

    private static String first(MultiValueMap<String, String> form, String name, String fallback) {
        var value = form.getFirst(name);
        return value == null ? fallback : value.strip();
    }
}
