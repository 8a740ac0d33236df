package org.sapere.assessment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.quiz.Grades;
import org.sapere.assessment.quiz.QuizSettings;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseId;
import org.sapere.enrolment.Registrar;
import org.sapere.identity.AccountId;
import org.sapere.identity.IdentityDirectory;
import org.sapere.identity.SignedInUser;
import org.sapere.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A professor's override of one learner's result on one graded quiz, from a gradebook cell: the page shows the
 * result as it stands and takes a new percent (or none, to go back to the best attempt) with a reason, which the
 * grade changes' log keeps. A quiz or learner that is not the course's is not found.
 */
@Controller
class GradeOverrideController {

    private final CourseAuthoring courses;
    private final Grades grades;
    private final Registrar registrar;
    private final IdentityDirectory identity;

    GradeOverrideController(CourseAuthoring courses, Grades grades, Registrar registrar, IdentityDirectory identity) {
        this.courses = courses;
        this.grades = grades;
        this.registrar = registrar;
        this.identity = identity;
    }

    @GetMapping("/teach/courses/{id}/gradebook/override")
    ModelAndView form(
            @PathVariable("id") UUID course,
            @RequestParam(defaultValue = "") String lesson,
            @RequestParam(defaultValue = "") String learner,
            @AuthenticationPrincipal SignedInUser user) {
        var target = target(course, lesson, learner, user);
        var current = target.current();
        var percent = current.overrideReason() == null
                ? ""
                : current.percent() == null
                        ? ""
                        : current.percent().stripTrailingZeros().toPlainString();
        return page(target, percent, "", List.of());
    }

    @PostMapping("/teach/courses/{id}/gradebook/override")
    ModelAndView override(
            @PathVariable("id") UUID course,
            @RequestParam(defaultValue = "") String lesson,
            @RequestParam(defaultValue = "") String learner,
            @RequestParam(defaultValue = "") String percent,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal SignedInUser user,
            HttpServletResponse response,
            RedirectAttributes flash) {
        var target = target(course, lesson, learner, user);
        var typedPercent = percent.length() > 20 ? percent.substring(0, 20) : percent;
        var typedReason =
                reason.length() > 2 * GradeInput.MAX_REASON ? reason.substring(0, 2 * GradeInput.MAX_REASON) : reason;
        var problems = GradeInput.checkOverride(
                typedPercent, typedReason, target.current().overrideReason() != null);
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return page(target, typedPercent, typedReason, problems);
        }
        var value = typedPercent.isBlank() ? null : GradeInput.percent(typedPercent, 4);
        grades.override(course, target.quiz().lesson(), target.learner(), value, typedReason.strip(), user.accountId());
        flash.addFlashAttribute(
                "notice",
                value == null ? "assessment.gradebook.override.removed" : "assessment.gradebook.override.saved");
        return new ModelAndView("redirect:" + GradebookController.url(course) + "#changes");
    }

    private record Target(
            CourseAuthoring.DraftCourse draft,
            QuizSettings quiz,
            UUID learner,
            @Nullable String learnerName,
            @Nullable String quizTitle,
            GradebookView.Current current) {}

    private Target target(UUID course, String lessonId, String learnerId, SignedInUser user) {
        var draft = courses.draftCourse(new CourseId(course), user.accountId());
        var lesson = GradeInput.uuid(lessonId);
        var learner = GradeInput.uuid(learnerId);
        if (lesson == null || learner == null) {
            throw new NotFoundException("gradebook cell");
        }
        var quiz = grades.gradedQuizzes(course).stream()
                .filter(q -> q.lesson().equals(lesson))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("graded quiz " + lesson));
        if (!registrar.isEnrolled(new AccountId(learner), draft.course())) {
            throw new NotFoundException("learner " + learner);
        }
        var cell = grades.lines(course, List.of(quiz), List.of(learner))
                .getFirst()
                .cells()
                .get(lesson);
        var contact = identity.contacts(List.of(new AccountId(learner))).get(new AccountId(learner));
        return new Target(
                draft,
                quiz,
                learner,
                contact == null ? null : contact.displayName(),
                GradeFigures.lessonTitles(draft).get(lesson),
                new GradebookView.Current(
                        cell.percent(),
                        cell.best(),
                        cell.attempts(),
                        cell.waiting(),
                        cell.overrideReason(),
                        quiz.passingPercent()));
    }

    private static ModelAndView page(
            Target target, String percent, String reason, List<GradebookView.Problem> problems) {
        var course = target.draft().course().value();
        return new ModelAndView("assessment/gradebookOverride")
                .addObject("draft", target.draft())
                .addObject("learnerName", target.learnerName())
                .addObject("quizTitle", target.quizTitle())
                .addObject("current", target.current())
                .addObject("action", GradebookController.url(course) + "/override")
                .addObject("lesson", target.quiz().lesson().toString())
                .addObject("learner", target.learner().toString())
                .addObject("percent", percent)
                .addObject("reason", reason)
                .addObject("problems", problems);
    }

    static String url(UUID course, UUID lesson, UUID learner) {
        return GradebookController.url(course) + "/override?lesson=" + lesson + "&learner=" + learner;
    }
}
