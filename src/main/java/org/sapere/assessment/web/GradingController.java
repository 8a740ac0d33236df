package org.sapere.assessment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.domain.Correctness;
import org.sapere.assessment.domain.Essay;
import org.sapere.assessment.domain.InvalidGradeException;
import org.sapere.assessment.quiz.Attempts;
import org.sapere.assessment.quiz.EssayGrading;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseId;
import org.sapere.identity.AccountId;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.Person;
import org.sapere.identity.SignedInUser;
import org.sapere.shared.Markdown;
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
 * Staff grading essays ({@code /teach/courses/{id}/grading}): the queue of essays waiting, and one essay at a time
 * with its rubric, saved as a draft or released to the learner. Every address checks that the person may edit the
 * course.
 */
@Controller
class GradingController {

    /** Longest comment kept; a grader's note, not a second essay. */
    static final int MAX_COMMENT = 10_000;

    private static final String LEVEL = "level.";

    private final CourseAuthoring courses;
    private final EssayGrading grading;
    private final IdentityDirectory identity;

    GradingController(CourseAuthoring courses, EssayGrading grading, IdentityDirectory identity) {
        this.courses = courses;
        this.grading = grading;
        this.identity = identity;
    }

    @GetMapping("/teach/courses/{id}/grading")
    ModelAndView queue(@PathVariable("id") UUID course, @AuthenticationPrincipal SignedInUser user) {
        var draft = courses.draftCourse(new CourseId(course), user.accountId());
        var waiting = grading.queue(course);
        var people = identity.people(
                waiting.stream().map(w -> new AccountId(w.learner())).collect(Collectors.toSet()));
        var titles = GradeFigures.lessonTitles(draft);
        var essays = waiting.stream()
                .map(w -> new GradingView.Waiting(
                        name(people.get(new AccountId(w.learner()))),
                        titles.get(w.lesson()),
                        w.submittedAt(),
                        w.position(),
                        w.draftGraded(),
                        essayUrl(course, w.attempt(), w.position())))
                .toList();
        return new ModelAndView("assessment/gradingQueue")
                .addObject("draft", draft)
                .addObject("essays", essays);
    }

    @GetMapping("/teach/courses/{id}/grading/{attemptId}/{position}")
    ModelAndView essay(
            @PathVariable("id") UUID course,
            @PathVariable UUID attemptId,
            @PathVariable int position,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale) {
        var draft = courses.draftCourse(new CourseId(course), user.accountId());
        var target = grading.toGrade(course, attemptId, position);
        var row = target.row();
        return essayPage(draft, target, row.rubric(), row.comment() == null ? "" : row.comment(), null, locale);
    }

    @PostMapping("/teach/courses/{id}/grading/{attemptId}/{position}")
    ModelAndView grade(
            @PathVariable("id") UUID course,
            @PathVariable UUID attemptId,
            @PathVariable int position,
            @RequestParam MultiValueMap<String, String> form,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes flash) {
        var draft = courses.draftCourse(new CourseId(course), user.accountId());
        var target = grading.toGrade(course, attemptId, position);
        var levels = new LinkedHashMap<String, String>();
        form.forEach((name, values) -> {
            if (name.startsWith(LEVEL)
                    && !values.isEmpty()
                    && !values.getFirst().isBlank()) {
                levels.put(name.substring(LEVEL.length()), values.getFirst());
            }
        });
        var comment = form.getFirst("comment") == null ? "" : form.getFirst("comment");
        var release = "true".equals(form.getFirst("release"));
        if (target.attempt().state() == Attempts.State.GRADED) {
            // The attempt has its final score: a change now goes through the gradebook's override, with a reason.
            response.setStatus(409);
            return essayPage(
                    draft,
                    target,
                    levels,
                    comment,
                    new GradingView.Problem("assessment.grading.problem.final", ""),
                    locale);
        }
        if (comment.length() > MAX_COMMENT) {
            response.setStatus(422);
            return essayPage(
                    draft,
                    target,
                    levels,
                    comment,
                    new GradingView.Problem("assessment.grading.problem.commentTooLong", Integer.toString(MAX_COMMENT)),
                    locale);
        }
        try {
            grading.grade(course, attemptId, position, levels, comment, release, user.accountId());
        } catch (InvalidGradeException invalid) {
            response.setStatus(422);
            return essayPage(draft, target, levels, comment, problem(invalid), locale);
        }
        flash.addFlashAttribute("notice", release ? "assessment.grading.released" : "assessment.grading.saved");
        var next = grading.queue(course).stream()
                .filter(w -> !w.draftGraded())
                .filter(w -> !(w.attempt().equals(attemptId) && w.position() == position))
                .findFirst();
        return new ModelAndView("redirect:"
                + next.map(w -> essayUrl(course, w.attempt(), w.position())).orElse(queueUrl(course)));
    }

    private ModelAndView essayPage(
            CourseAuthoring.DraftCourse draft,
            EssayGrading.ToGrade target,
            Map<String, String> chosen,
            String comment,
            GradingView.@Nullable Problem problem,
            Locale locale) {
        var attempt = target.attempt();
        var row = target.row();
        var essay = target.essay();
        var invalidCriterion = problem != null && "assessment.grading.problem.criterionNotGraded".equals(problem.key())
                ? problem.argument()
                : null;
        var criteria = essay.rubric().criteria().stream()
                .map(c -> new GradingView.Criterion(
                        c.id(),
                        c.description().in(locale),
                        c.levels().stream()
                                .map(l -> new GradingView.Level(
                                        l.id(),
                                        l.description().in(locale),
                                        l.points(),
                                        l.id().equals(chosen.get(c.id()))))
                                .toList(),
                        c.id().equals(invalidCriterion)))
                .toList();
        var answer = answerText(row.answer());
        var learner = identity.people(List.of(new AccountId(attempt.learner()))).get(new AccountId(attempt.learner()));
        var view = new GradingView.Essay(
                attempt.id(),
                row.position(),
                attempt.number(),
                name(learner),
                GradeFigures.lessonTitles(draft).get(attempt.lesson()),
                attempt.submittedAt(),
                Markdown.html(essay.info().stem().in(locale)),
                essay.info().stem().variants().containsKey(locale.getLanguage())
                        ? locale.getLanguage()
                        : essay.info().stem().originalLanguage(),
                answer,
                Essay.words(answer),
                essay.info().points(),
                criteria,
                comment,
                row.correctness() != null && row.correctness() != Correctness.PENDING,
                row.released(),
                attempt.state() == Attempts.State.GRADED,
                essayUrl(draft.course().value(), attempt.id(), row.position()));
        // The message names the criterion by its description, not its id.
        var shownProblem = problem;
        if (invalidCriterion != null) {
            var description = criteria.stream()
                    .filter(c -> c.id().equals(invalidCriterion))
                    .map(GradingView.Criterion::description)
                    .findFirst()
                    .orElse(invalidCriterion);
            shownProblem = new GradingView.Problem(problem.key(), description);
        }
        return new ModelAndView("assessment/gradingEssay")
                .addObject("draft", draft)
                .addObject("essay", view)
                .addObject("problem", shownProblem)
                .addObject("queueUrl", queueUrl(draft.course().value()));
    }

    /** The grader's message for a grade that does not fit the rubric. */
    private static GradingView.Problem problem(InvalidGradeException invalid) {
        var key = invalid.messageKey();
        var rule = key.substring(key.lastIndexOf('.') + 1);
        return switch (rule) {
            case "criterionNotGraded" ->
                new GradingView.Problem("assessment.grading.problem.criterionNotGraded", invalid.argument());
            case "unknownLevel" -> new GradingView.Problem("assessment.grading.problem.unknownLevel", "");
            default -> new GradingView.Problem("assessment.grading.problem.unknownCriterion", "");
        };
    }

    /**
     * The essay as the learner wrote it: the answer form's single field, or, should the form have named it, every
     * field's text.
     */
    static String answerText(Map<String, List<String>> answer) {
        var single = answer.get("");
        if (single != null) {
            return String.join("\n", single);
        }
        return answer.values().stream()
                .flatMap(List::stream)
                .filter(text -> !text.isBlank())
                .collect(Collectors.joining("\n\n"));
    }

    private static @Nullable String name(@Nullable Person person) {
        return person == null ? null : person.displayName();
    }

    static String queueUrl(UUID course) {
        return "/teach/courses/" + course + "/grading";
    }

    static String essayUrl(UUID course, UUID attempt, int position) {
        return queueUrl(course) + "/" + attempt + "/" + position;
    }
}
