package org.sapere.assessment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.QuizLessons;
import org.sapere.assessment.bank.ItemBank;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.MultipleResponse;
import org.sapere.assessment.domain.Option;
import org.sapere.assessment.domain.SingleChoice;
import org.sapere.assessment.domain.TrueFalse;
import org.sapere.assessment.quiz.ItemAnalysis;
import org.sapere.assessment.quiz.QuizStore;
import org.sapere.course.CourseAuthoring;
import org.sapere.course.CourseId;
import org.sapere.identity.SignedInUser;
import org.sapere.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The item analysis of a quiz for its professors: per question, how many answered, its facility, its discrimination,
 * how often each option was chosen, and a flag on questions that are probably broken. Checks that the person may edit
 * the course and that the lesson is one of its quizzes.
 */
@Controller
class AnalysisController {

    private final CourseAuthoring courses;
    private final ItemAnalysis analysis;
    private final ItemBank bank;
    private final QuizStore quizzes;

    AnalysisController(CourseAuthoring courses, ItemAnalysis analysis, ItemBank bank, QuizStore quizzes) {
        this.courses = courses;
        this.analysis = analysis;
        this.bank = bank;
        this.quizzes = quizzes;
    }

    @GetMapping("/teach/courses/{id}/lessons/{lessonId}/quiz/analysis")
    ModelAndView analysis(
            @PathVariable("id") UUID course,
            @PathVariable("lessonId") UUID lessonId,
            @AuthenticationPrincipal SignedInUser user,
            Locale locale) {
        var draft = courses.draftCourse(new CourseId(course), user.accountId());
        var lesson = draft.lessons().stream()
                .filter(l -> l.id().value().equals(lessonId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("lesson " + lessonId));
        var quiz = quizzes.find(lessonId).filter(q -> q.course().equals(course));
        if (!QuizLessons.KIND.equals(lesson.kind()) && quiz.isEmpty()) {
            throw new NotFoundException("quiz " + lessonId);
        }
        var stats = analysis.of(lessonId);
        var entries =
                bank.latest(stats.stream().map(ItemAnalysis.ItemStats::item).toList());
        var items = bank.items(entries.values().stream()
                .map(e -> Map.entry(e.id(), e.version()))
                .toList());
        var shown = new ArrayList<AnalysisView.Item>();
        for (var stat : stats) {
            var entry = entries.get(stat.item());
            var item = entry == null ? null : items.get(ItemBank.key(entry.id(), entry.version()));
            shown.add(new AnalysisView.Item(
                    shown.size() + 1,
                    entry == null ? null : entry.title(),
                    stat.answers(),
                    GradeFigures.share(stat.facility(), locale),
                    GradeFigures.twoDecimals(stat.discrimination(), locale),
                    stat.answers() < ItemAnalysis.MIN_ANSWERS,
                    stat.flagged(),
                    choices(item, stat, locale)));
        }
        return new ModelAndView("assessment/analysis")
                .addObject("draft", draft)
                .addObject("lessonTitle", lesson.title().original())
                .addObject("items", shown)
                .addObject("minAnswers", ItemAnalysis.MIN_ANSWERS);
    }

    /** How often each option of a choice question was chosen, in the author's order; nothing for other types. */
    private static List<AnalysisView.Choice> choices(@Nullable Item item, ItemAnalysis.ItemStats stat, Locale locale) {
        if (item == null) {
            return List.of();
        }
        return switch (item) {
            case SingleChoice single -> options(single.options(), stat, locale, id -> id.equals(single.correct()));
            case MultipleResponse multiple ->
                options(
                        multiple.options(),
                        stat,
                        locale,
                        id -> multiple.correct().contains(id));
            case TrueFalse trueFalse ->
                List.of(
                        choice("true", null, stat, locale, trueFalse.correct()),
                        choice("false", null, stat, locale, !trueFalse.correct()));
            default -> List.of();
        };
    }

    private static List<AnalysisView.Choice> options(
            List<Option> options, ItemAnalysis.ItemStats stat, Locale locale, Predicate<String> correct) {
        return options.stream()
                .map(o -> choice(o.id(), o.text().in(locale), stat, locale, correct.test(o.id())))
                .toList();
    }

    private static AnalysisView.Choice choice(
            String id, @Nullable String text, ItemAnalysis.ItemStats stat, Locale locale, boolean correct) {
        var count = stat.choices().getOrDefault(id, 0);
        var share = stat.answers() == 0 ? 0 : (double) count / stat.answers();
        return new AnalysisView.Choice(id, text, count, GradeFigures.share(share, locale), correct);
    }
}
