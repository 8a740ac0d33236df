package org.sapere.assessment.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.sapere.assessment.domain.Correctness;
import org.sapere.assessment.quiz.QuizRefusedException;
import org.sapere.assessment.quiz.QuizSettings;
import org.sapere.assessment.quiz.QuizTaking;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseId;
import org.sapere.identity.SignedInUser;
import org.sapere.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A learner taking a quiz: starting an attempt, the attempt's page (questions only — no answers, keys or feedback
 * reach the browser before submission), saving answers as they go, submitting, and the review afterwards.
 */
@Controller
class AttemptController {

    private final QuizTaking taking;
    private final CourseAuthoring courses;
    private final Clock clock;

    AttemptController(QuizTaking taking, CourseAuthoring courses, Optional<Clock> clock) {
        this.taking = taking;
        this.courses = courses;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @PostMapping("/learn/quiz/{lessonId}/start")
    String start(
            @PathVariable("lessonId") UUID lesson,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes flash) {
        try {
            var attempt = taking.start(user.accountId(), lesson);
            return "redirect:/learn/attempts/" + attempt.id();
        } catch (QuizRefusedException refused) {
            flash.addFlashAttribute("problem", refused.messageKey());
            var quiz = taking.quizFor(user.accountId(), lesson);
            return "redirect:" + lessonUrl(quiz.course(), lesson);
        }
    }

    @GetMapping("/learn/attempts/{id}")
    ModelAndView attempt(@PathVariable("id") UUID id, @AuthenticationPrincipal SignedInUser user, Locale locale) {
        var taking = this.taking.taking(user.accountId(), id);
        var attempt = taking.attempt();
        var course = courses.outline(new CourseId(attempt.course())).orElseThrow(() -> new NotFoundException("course"));
        var lesson = course.lesson(attempt.lesson()).orElseThrow(() -> new NotFoundException("lesson"));
        var back = lessonUrl(attempt.course(), attempt.lesson());
        if (attempt.open()) {
            var quiz = taking.quiz();
            var immediate = quiz.feedback() == QuizSettings.FeedbackTiming.IMMEDIATE;
            var questions = new ArrayList<QuestionOnPage>();
            var saved = new HashMap<Integer, Map<String, List<String>>>();
            for (var row : taking.rows()) {
                var item = taking.item(row);
                if (immediate && row.checkedAt() != null) {
                    var score =
                            org.sapere.assessment.domain.Scoring.score(item, AnswerForm.response(item, row.answer()));
                    var pending = score.correctness() == Correctness.PENDING;
                    questions.add(new QuestionOnPage(
                            row.position(),
                            null,
                            ReviewedItem.of(
                                    item,
                                    row.position(),
                                    taking.optionSeed(row),
                                    row.answer(),
                                    score,
                                    !pending,
                                    !pending && quiz.showCorrect(),
                                    locale)));
                } else {
                    questions.add(new QuestionOnPage(
                            row.position(), AskedItem.of(item, row.position(), taking.optionSeed(row), locale), null));
                }
                saved.put(row.position(), row.answer());
            }
            return new ModelAndView("assessment/take")
                    .addObject("attempt", attempt)
                    .addObject("title", lesson.title().in(locale))
                    .addObject("lang", course.language())
                    .addObject("back", back)
                    .addObject("questions", questions)
                    .addObject("immediate", immediate)
                    .addObject("saved", saved)
                    .addObject(
                            "dueMillis",
                            attempt.dueAt() == null ? 0L : attempt.dueAt().toEpochMilli())
                    .addObject("graceSeconds", this.taking.grace().toSeconds());
        }
        var quiz = taking.quiz();
        var showFeedback = switch (quiz.feedback()) {
            case IMMEDIATE, AFTER_SUBMIT -> true;
            case AFTER_CLOSE -> quiz.closesAt() != null && clock.instant().isAfter(quiz.closesAt());
            case NEVER -> false;
        };
        var reviewed = new ArrayList<ReviewedItem>();
        for (var row : taking.rows()) {
            var item = taking.item(row);
            var waiting = row.correctness() == Correctness.PENDING || !row.released();
            var score = waiting
                    ? org.sapere.assessment.domain.Scoring.score(item, AnswerForm.response(item, row.answer()))
                    : QuizTaking.scoreOf(item, row);
            reviewed.add(ReviewedItem.of(
                    item,
                    row.position(),
                    taking.optionSeed(row),
                    row.answer(),
                    score,
                    showFeedback && !waiting,
                    showFeedback && !waiting && quiz.showCorrect(),
                    locale,
                    waiting || row.rubric().isEmpty() ? null : row.rubric(),
                    waiting ? null : row.comment()));
        }
        return new ModelAndView("assessment/result")
                .addObject("attempt", attempt)
                .addObject("quiz", quiz)
                .addObject("title", lesson.title().in(locale))
                .addObject("lang", course.language())
                .addObject("back", back)
                .addObject("items", reviewed)
                .addObject("showFeedback", showFeedback);
    }

    /** Saves one question's answer (the page calls it as the learner goes); answers with a short status. */
    @PostMapping("/learn/attempts/{id}/answers/{position}")
    ResponseEntity<String> save(
            @PathVariable("id") UUID id,
            @PathVariable("position") int position,
            HttpServletRequest request,
            @AuthenticationPrincipal SignedInUser user) {
        var fields = AnswerForm.fieldsFor(
                position,
                request.getParameterMap().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
        var saved = taking.save(user.accountId(), id, position, fields);
        return switch (saved) {
            case SAVED -> ResponseEntity.ok("saved");
            case CLOSED -> ResponseEntity.status(HttpStatus.CONFLICT).body("closed");
            case TIME_UP -> ResponseEntity.status(HttpStatus.CONFLICT).body("time-up");
        };
    }

    /** With immediate feedback: makes one question's answer final and shows its feedback. */
    @PostMapping("/learn/attempts/{id}/check/{position}")
    String check(
            @PathVariable("id") UUID id,
            @PathVariable("position") int position,
            HttpServletRequest request,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes flash) {
        var all = new TreeMap<String, List<String>>();
        request.getParameterMap().forEach((k, v) -> all.put(k, List.of(v)));
        // The rest of the page's answers are saved too, so checking one question loses nothing typed elsewhere.
        var current = taking.taking(user.accountId(), id);
        if (current.attempt().open()) {
            for (var row : current.rows()) {
                if (row.position() != position
                        && row.checkedAt() == null
                        && all.containsKey("present." + row.position())) {
                    taking.save(user.accountId(), id, row.position(), AnswerForm.fieldsFor(row.position(), all));
                }
            }
        }
        try {
            var outcome = taking.check(user.accountId(), id, position, AnswerForm.fieldsFor(position, all));
            if (outcome == QuizTaking.Saved.TIME_UP) {
                flash.addFlashAttribute("problem", "assessment.take.timeUp");
            }
        } catch (QuizRefusedException refused) {
            flash.addFlashAttribute("problem", refused.messageKey());
        }
        return "redirect:/learn/attempts/" + id + "#question-" + position;
    }

    /** Submits the attempt with the answers on the page. Submitting twice gives the same, single result. */
    @PostMapping("/learn/attempts/{id}/submit")
    String submit(@PathVariable("id") UUID id, HttpServletRequest request, @AuthenticationPrincipal SignedInUser user) {
        var all = new TreeMap<String, List<String>>();
        request.getParameterMap().forEach((k, v) -> all.put(k, List.of(v)));
        var current = taking.taking(user.accountId(), id);
        var answers = new HashMap<Integer, Map<String, List<String>>>();
        if (current.attempt().open()) {
            for (var row : current.rows()) {
                var fields = AnswerForm.fieldsFor(row.position(), all);
                if (!fields.isEmpty() || all.containsKey("present." + row.position())) {
                    answers.put(row.position(), fields);
                }
            }
        }
        taking.submit(user.accountId(), id, answers);
        return "redirect:/learn/attempts/" + id;
    }

    private String lessonUrl(UUID course, UUID lesson) {
        return courses.outline(new CourseId(course))
                .map(c -> "/learn/courses/" + c.slug() + "/lessons/" + lesson)
                .orElse("/learn");
    }
}
