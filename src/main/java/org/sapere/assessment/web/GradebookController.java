package org.sapere.assessment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.sapere.assessment.quiz.Grades;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseId;
import org.sapere.identity.AccountId;
import org.sapere.identity.SignedInUser;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A course's gradebook ({@code /teach/courses/{id}/gradebook}): every enrolled learner's result on each graded quiz,
 * the course total and whether they passed, fifty learners a page, filtered by name or address and by state; the
 * grading policy; the latest grade changes; and the whole gradebook as CSV. Every address checks that the person may
 * edit the course.
 */
@Controller
class GradebookController {

    static final int PAGE_SIZE = 50;
    static final int CHANGES_SHOWN = 20;
    static final List<String> STATUSES = List.of("all", "passed", "notPassed", "waiting");

    private final CourseAuthoring courses;
    private final Grades grades;
    private final GradebookSheet sheets;
    private final MessageSource messages;

    GradebookController(CourseAuthoring courses, Grades grades, GradebookSheet sheets, MessageSource messages) {
        this.courses = courses;
        this.grades = grades;
        this.sheets = sheets;
        this.messages = messages;
    }

    @GetMapping("/teach/courses/{id}/gradebook")
    ModelAndView gradebook(
            @PathVariable("id") UUID course,
            @RequestParam(name = "page", defaultValue = "1") String pageNumber,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "all") String status,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale) {
        var draft = courses.draftCourse(new CourseId(course), user.accountId());
        return page(draft, pageNumber, q, status, GradeInput.form(grades.policy(course)), List.of(), locale);
    }

    @PostMapping("/teach/courses/{id}/gradebook/policy")
    ModelAndView policy(
            @PathVariable("id") UUID course,
            @RequestParam(defaultValue = "") String rule,
            @RequestParam(defaultValue = "") String passingPercent,
            @RequestParam(defaultValue = "") String quizWeight,
            @RequestParam(defaultValue = "") String examWeight,
            @RequestParam(defaultValue = "") String assignmentWeight,
            @RequestParam(defaultValue = "") String dropLowest,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes flash) {
        var draft = courses.draftCourse(new CourseId(course), user.accountId());
        var form = new GradebookView.PolicyForm(
                rule,
                clip(passingPercent),
                clip(quizWeight),
                clip(examWeight),
                clip(assignmentWeight),
                clip(dropLowest));
        var problems = GradeInput.check(form);
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return page(draft, "1", "", "all", form, problems, locale);
        }
        grades.savePolicy(GradeInput.policy(course, form));
        flash.addFlashAttribute("notice", "assessment.gradebook.policy.saved");
        return new ModelAndView("redirect:" + url(course) + "#policy");
    }

    /** Every enrolled learner (not a page of them), for a spreadsheet. */
    @GetMapping("/teach/courses/{id}/gradebook.csv")
    ResponseEntity<byte[]> csv(
            @PathVariable("id") UUID course, @AuthenticationPrincipal SignedInUser user, Locale locale) {
        var draft = courses.draftCourse(new CourseId(course), user.accountId());
        var sheet = sheets.load(draft, locale, List.of());
        var csv = new GradebookCsv();
        var header =
                GradebookCsv.fields(t("assessment.gradebook.learner", locale), t("assessment.gradebook.email", locale));
        for (var quiz : sheet.quizzes()) {
            var title = sheet.title(quiz.lesson());
            header.add(title != null ? title : t("assessment.gradebook.removedQuiz", locale));
        }
        header.add(t("assessment.gradebook.total", locale));
        header.add(t("assessment.gradebook.passed", locale));
        csv.row(header);
        var yes = t("assessment.gradebook.yes", locale);
        var no = t("assessment.gradebook.no", locale);
        for (var learner : sheet.learners()) {
            var fields = GradebookCsv.fields(learner.name(), learner.email());
            for (var quiz : sheet.quizzes()) {
                fields.add(GradebookCsv.number(
                        learner.line().cells().get(quiz.lesson()).percent()));
            }
            fields.add(GradebookCsv.number(learner.line().total()));
            fields.add(learner.line().passed() ? yes : no);
            csv.row(fields);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(draft.slug() + "-gradebook.csv")
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(csv.bytes());
    }

    private ModelAndView page(
            CourseAuthoring.DraftCourse draft,
            String pageNumber,
            String q,
            String status,
            GradebookView.PolicyForm policy,
            List<GradebookView.Problem> problems,
            Locale locale) {
        var course = draft.course().value();
        var log = grades.changes(course, CHANGES_SHOWN);
        var authors = new HashSet<UUID>();
        log.forEach(c -> {
            authors.add(c.by());
            authors.add(c.learner());
        });
        var sheet = sheets.load(draft, locale, authors);
        var typed = q.length() > 200 ? q.substring(0, 200) : q;
        var query = typed.strip().toLowerCase(Locale.ROOT);
        var state = STATUSES.contains(status) ? status : "all";
        var shown = new ArrayList<GradebookSheet.Learner>();
        var passed = 0;
        var waiting = 0;
        for (var learner : sheet.learners()) {
            passed += learner.line().passed() ? 1 : 0;
            waiting += learner.waiting() ? 1 : 0;
            if (learner.matches(query) && inState(learner, state)) {
                shown.add(learner);
            }
        }
        var pages = Math.max(1, (shown.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        var number = Math.min(Math.max(number(pageNumber), 1), pages);
        var rows = shown.subList((number - 1) * PAGE_SIZE, Math.min(shown.size(), number * PAGE_SIZE)).stream()
                .map(learner -> row(course, sheet, learner))
                .toList();
        var columns = sheet.quizzes().stream()
                .map(quiz -> new GradebookView.Column(quiz.lesson(), sheet.title(quiz.lesson())))
                .toList();
        var pager = new GradebookView.Pager(
                number,
                pages,
                number > 1 ? pageUrl(course, number - 1, typed, state) : null,
                number < pages ? pageUrl(course, number + 1, typed, state) : null);
        var changes = log.stream()
                .map(c -> {
                    var by = sheet.others().get(new AccountId(c.by()));
                    var learner = sheet.others().get(new AccountId(c.learner()));
                    var essay = "ESSAY".equals(c.action());
                    return new GradebookView.Change(
                            c.at(),
                            by == null ? null : by.displayName(),
                            learner == null ? null : learner.displayName(),
                            sheet.title(c.lesson()),
                            c.action(),
                            essay ? GradeFigures.points(c.before(), locale) : GradeFigures.percent(c.before(), locale),
                            essay ? GradeFigures.points(c.after(), locale) : GradeFigures.percent(c.after(), locale),
                            c.reason());
                })
                .toList();
        return new ModelAndView("assessment/gradebook")
                .addObject("draft", draft)
                .addObject("columns", columns)
                .addObject("rows", rows)
                .addObject("summary", new GradebookView.Summary(sheet.learners().size(), passed, waiting, shown.size()))
                .addObject("pager", pager)
                .addObject("q", typed)
                .addObject("status", state)
                .addObject("statuses", STATUSES)
                .addObject("policy", policy)
                .addObject("problems", problems)
                .addObject("changes", changes);
    }

    private static GradebookView.Row row(UUID course, GradebookSheet.Sheet sheet, GradebookSheet.Learner learner) {
        var cells = sheet.quizzes().stream()
                .map(quiz -> {
                    var cell = learner.line().cells().get(quiz.lesson());
                    return new GradebookView.Cell(
                            cell.percent(),
                            cell.waiting(),
                            cell.overrideReason(),
                            GradeOverrideController.url(course, quiz.lesson(), learner.id()));
                })
                .toList();
        return new GradebookView.Row(
                learner.name(),
                learner.email(),
                cells,
                learner.line().total(),
                learner.line().passed());
    }

    private static boolean inState(GradebookSheet.Learner learner, String state) {
        return switch (state) {
            case "passed" -> learner.line().passed();
            case "notPassed" -> !learner.line().passed();
            case "waiting" -> learner.waiting();
            default -> true;
        };
    }

    private static int number(String typed) {
        var text = typed.strip();
        return text.matches("\\d{1,6}") ? Integer.parseInt(text) : 1;
    }

    private static String clip(String typed) {
        return typed.length() > 20 ? typed.substring(0, 20) : typed;
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    static String url(UUID course) {
        return "/teach/courses/" + course + "/gradebook";
    }

    private static String pageUrl(UUID course, int number, String q, String state) {
        var url = new StringBuilder(url(course)).append("?page=").append(number);
        if (!q.isBlank()) {
            url.append("&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        if (!"all".equals(state)) {
            url.append("&status=").append(state);
        }
        return url.toString();
    }
}
