package org.sapere.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sapere.assessment.web.QuizFixtures.SECRETS;
import static org.sapere.assessment.web.QuizFixtures.essay;
import static org.sapere.assessment.web.QuizFixtures.fillInTheBlanks;
import static org.sapere.assessment.web.QuizFixtures.matching;
import static org.sapere.assessment.web.QuizFixtures.multipleResponse;
import static org.sapere.assessment.web.QuizFixtures.numeric;
import static org.sapere.assessment.web.QuizFixtures.ordering;
import static org.sapere.assessment.web.QuizFixtures.shortText;
import static org.sapere.assessment.web.QuizFixtures.singleChoice;
import static org.sapere.assessment.web.QuizFixtures.trueFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.domain.Correctness;
import org.sapere.assessment.domain.Essay;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.Scoring;
import org.sapere.assessment.web.ReviewedItem.Solution;
import org.sapere.shared.web.PageContext;

/** After submitting: the answer given, the score, and only as much feedback and solution as the quiz allows. */
class ReviewedItemTests {

    private static final Locale EN = Locale.ENGLISH;

    /** What the correct answer would give away; feedback and the explanation are not among them. */
    private static final List<String> ANSWERS = List.of(
            "ZEBRA-ANSWER", "ZEBRA-REGEX", "ZEBRA-GAP-ANSWER", "31415", "0.0271", "0,0271", "zebron", "Correct answer");

    private static Map<String, List<String>> fields(String... nameValue) {
        var fields = new LinkedHashMap<String, List<String>>();
        for (int i = 0; i < nameValue.length; i += 2) {
            fields.computeIfAbsent(nameValue[i], k -> new java.util.ArrayList<>())
                    .add(nameValue[i + 1]);
        }
        return fields;
    }

    /** A wrong or partly right answer to each item, so nothing in the form gives the right one away. */
    private static Map<Item, Map<String, List<String>>> wrongAnswers() {
        var answers = new LinkedHashMap<Item, Map<String, List<String>>>();
        answers.put(singleChoice(false), fields("", "C"));
        answers.put(multipleResponse(false), fields("", "A", "", "B"));
        answers.put(trueFalse(false), fields("", "false"));
        answers.put(numeric(false), fields("", "12 metres"));
        answers.put(shortText(false), fields("", "Lyon"));
        answers.put(fillInTheBlanks(false), fields("city", "Lyon", "people", "abc", "colour", "red"));
        answers.put(
                ordering(false),
                fields("rank.s1", "2", "rank.s2", "1", "rank.s3", "3", "rank.s4", "4", "rank.s5", "5"));
        answers.put(matching(false), fields("pair.L1", "R2", "pair.L2", "R1"));
        answers.put(essay(false), fields("", "Too short."));
        return answers;
    }

    private static ReviewedItem review(
            Item item, Map<String, List<String>> saved, boolean showFeedback, boolean showCorrect, Locale locale) {
        var score = Scoring.score(item, AnswerForm.response(item, saved));
        return ReviewedItem.of(item, 1, 11L, saved, score, showFeedback, showCorrect, locale);
    }

    @Test
    void withoutFeedbackOrSolutionOnlyTheAnswerAndScoreAreShown() {
        wrongAnswers().forEach((item, saved) -> {
            var reviewed = review(item, saved, false, false, EN);
            assertThat(reviewed.solution()).isNull();
            assertThat(reviewed.feedback()).isEmpty();
            assertThat(reviewed.marks()).isEmpty();
            assertThat(reviewed.explanationHtml()).isNull();
            var html = Pages.reviewed(reviewed, EN);
            for (var secret : SECRETS) {
                assertThat(html).as(AskedItem.typeName(item)).doesNotContain(secret);
            }
            assertThat(html)
                    .as(AskedItem.typeName(item))
                    .contains("<fieldset", " disabled", item instanceof Essay ? "Waiting for grading" : "of 2 points");
        });
    }

    @Test
    void feedbackWithoutTheCorrectAnswerNeverShowsIt() {
        wrongAnswers().forEach((item, saved) -> {
            var reviewed = review(item, saved, true, false, EN);
            assertThat(reviewed.solution()).isNull();
            var html = Pages.reviewed(reviewed, EN);
            for (var answer : ANSWERS) {
                assertThat(html).as(AskedItem.typeName(item)).doesNotContain(answer);
            }
            assertThat(html).as(AskedItem.typeName(item)).doesNotContain("quiz-mark solution", "quiz-solution");
        });
    }

    @Test
    void theCorrectAnswerIsShownWhenTheQuizAllowsIt() {
        var html = new LinkedHashMap<String, String>();
        wrongAnswers()
                .forEach((item, saved) -> html.put(
                        AskedItem.typeName(item),
                        // Spaces collapsed: the template's indentation is not what is checked.
                        Pages.reviewed(review(item, saved, false, true, EN), EN).replaceAll("\\s+", " ")));
        assertThat(html.get("single-choice"))
                .containsPattern("Rome</span>\\s*<span class=\"quiz-mark solution\">Correct answer</span>");
        assertThat(html.get("multiple-response").split("quiz-mark solution", -1))
                .hasSize(3);
        assertThat(html.get("true-false"))
                .containsPattern("True</span>\\s*<span class=\"quiz-mark solution\">Correct answer</span>");
        assertThat(html.get("numeric"))
                .contains("31415.9265</span> ± 0.0271 (tolerance)", "with the unit zebrons, zebron");
        assertThat(html.get("short-text")).contains("<li>ZEBRA-ANSWER</li>", "<code>ZEBRA-REGEX.*</code>");
        assertThat(html.get("fill-in-the-blanks"))
                .contains("<strong>Gap 1:</strong> <ul class=\"quiz-accepted\"><li>ZEBRA-GAP-ANSWER</li></ul>")
                .contains("31415.9265", "<strong>Gap 3:</strong> blue");
        assertThat(html.get("ordering"))
                .containsPattern(
                        "(?s)<ol class=\"quiz-solution\">\\s*<li>Mercury</li>\\s*<li>Venus</li>\\s*<li>Earth</li>"
                                + "\\s*<li>Mars</li>\\s*<li>Jupiter</li>\\s*</ol>");
        assertThat(html.get("matching")).containsPattern("France <span aria-hidden=\"true\">→</span>.*Paris");
        assertThat(html.get("essay")).doesNotContain("Correct answer");
    }

    @Test
    void theSolutionHoldsTheAnswersForEveryType() {
        var solutions = new LinkedHashMap<String, Solution>();
        wrongAnswers()
                .forEach((item, saved) -> solutions.put(
                        AskedItem.typeName(item),
                        review(item, saved, false, true, Locale.ITALIAN).solution()));
        assertThat(solutions.get("single-choice")).isEqualTo(new Solution.Options(java.util.Set.of("B")));
        assertThat(solutions.get("multiple-response")).isEqualTo(new Solution.Options(java.util.Set.of("A", "C")));
        assertThat(solutions.get("true-false")).isEqualTo(new Solution.Statement(true));
        // In the learner's language's decimals, never with thousands separators.
        assertThat(solutions.get("numeric"))
                .isEqualTo(new Solution.Value("31415,9265", "0,0271", null, null, List.of("zebrons", "zebron"), true));
        assertThat(solutions.get("short-text"))
                .isEqualTo(new Solution.Texts(List.of("ZEBRA-ANSWER"), List.of("ZEBRA-REGEX.*")));
        assertThat(((Solution.Gaps) solutions.get("fill-in-the-blanks")).gaps())
                .extracting(Solution.GapAnswer::id, Solution.GapAnswer::number)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("city", 1),
                        org.assertj.core.groups.Tuple.tuple("people", 2),
                        org.assertj.core.groups.Tuple.tuple("colour", 3));
        assertThat(((Solution.Sequence) solutions.get("ordering")).items())
                .extracting(AskedItem.Choice::id)
                .containsExactly("s1", "s2", "s3", "s4", "s5");
        assertThat(((Solution.Pairs) solutions.get("matching")).pairs())
                .extracting(p -> p.left().id() + "=" + p.right().id())
                .containsExactly("L1=R1", "L2=R2", "L3=R3");
        assertThat(solutions.get("essay")).isNull();
    }

    @Test
    void feedbackShowsWhatWasSaidAboutEachPartAndTheExplanation() {
        var choice = review(singleChoice(false), fields("", "C"), true, false, EN);
        assertThat(choice.mark("C")).isEqualTo(Correctness.INCORRECT);
        assertThat(choice.feedback()).singleElement().satisfies(part -> {
            assertThat(part.labelHtml()).isEqualTo("Berlin");
            assertThat(part.textHtml()).contains("ZEBRA-FEEDBACK-C");
        });
        var html = Pages.reviewed(choice, EN);
        assertThat(html).containsPattern("Berlin</span>\\s*<span class=\"quiz-mark incorrect\">Wrong</span>");
        assertThat(html).contains("ZEBRA-FEEDBACK-C", "ZEBRA-EXPLANATION", "Explanation", "Incorrect", "0 of 2 points");
        assertThat(html).doesNotContain("ZEBRA-FEEDBACK-B");

        var several = review(multipleResponse(false), fields("", "A", "", "B"), true, false, EN);
        assertThat(several.marks()).isEqualTo(Map.of("A", Correctness.CORRECT, "B", Correctness.INCORRECT));
        assertThat(several.correctness()).isEqualTo(Correctness.INCORRECT);

        var truth = review(trueFalse(false), fields("", "false"), true, false, EN);
        assertThat(truth.marks()).isEqualTo(Map.of("false", Correctness.INCORRECT));
        assertThat(Pages.reviewed(truth, EN)).contains("ZEBRA-FALSE-FEEDBACK").doesNotContain("ZEBRA-TRUE-FEEDBACK");
    }

    @Test
    void theScorersReasonsAreShownAsMessages() {
        var number = Pages.reviewed(review(numeric(false), fields("", "abc"), true, false, EN), EN);
        assertThat(number).contains("This is not a number.").doesNotContain("assessment.feedback");
        var unit = Pages.reviewed(review(numeric(false), fields("", "5"), true, false, Locale.GERMAN), Locale.GERMAN);
        assertThat(unit).contains("Die Einheit fehlt.");
        var gaps = review(fillInTheBlanks(false), fields("city", "Lyon", "people", "abc"), true, false, EN);
        assertThat(gaps.feedback()).singleElement().satisfies(part -> {
            assertThat(part.gap()).isEqualTo(2);
            assertThat(part.reason()).isEqualTo("assessment.feedback.notANumber");
        });
        assertThat(Pages.reviewed(gaps, EN)).contains("<strong>Gap 2:</strong>", "This is not a number.");
        var tied = review(ordering(false), fields("rank.s1", "1", "rank.s2", "1"), true, false, EN);
        assertThat(Pages.reviewed(tied, EN)).contains("Each item needs its own position");
    }

    @Test
    void aPendingEssayWaitsForGrading() {
        var reviewed = review(essay(false), fields("", "My essay."), true, true, EN);
        assertThat(reviewed.pending()).isTrue();
        var html = Pages.reviewed(reviewed, EN);
        assertThat(html).contains("Waiting for grading", "waiting to be graded", ">My essay.</textarea>");
        assertThat(html).doesNotContain("of 2 points", "ZEBRA-LEVEL", "ZEBRA-CRITERION");
    }

    @Test
    void aGradedEssayShowsItsRubricResultAndComment() {
        var item = essay(false);
        var saved = fields("", "My essay.");
        var grade = Map.of("argument", "good");
        var reviewed = ReviewedItem.of(
                item, 1, 1L, saved, Scoring.grade(item, grade), false, false, EN, grade, "Well argued.\n<b>Bravo</b>");
        assertThat(reviewed.rubric()).singleElement().satisfies(g -> {
            assertThat(g.criterionHtml()).isEqualTo("ZEBRA-CRITERION");
            assertThat(g.levelHtml()).isEqualTo("ZEBRA-LEVEL-GOOD");
        });
        var html = Pages.reviewed(reviewed, EN);
        assertThat(html)
                .contains("Correct", "2 of 2 points", "ZEBRA-CRITERION", "ZEBRA-LEVEL-GOOD")
                .contains("Comment from the teaching staff", "Well argued.\n&lt;b&gt;Bravo&lt;/b&gt;")
                .doesNotContain("ZEBRA-LEVEL-POOR", "<b>Bravo");
    }

    @Test
    void anUnansweredItemSaysSo() {
        var reviewed = review(singleChoice(false), Map.of(), true, true, EN);
        assertThat(reviewed.answered()).isFalse();
        assertThat(Pages.reviewed(reviewed, EN)).contains("You did not answer this question.", "0 of 2 points");
    }

    @Test
    void theAnswerGivenIsShownDisabled() {
        var html = Pages.reviewed(review(matching(false), fields("pair.L1", "R2"), false, false, EN), EN);
        assertThat(html)
                .contains(
                        "<fieldset class=\"quiz-item\" id=\"q1\" data-position=\"1\" data-type=\"matching\" disabled");
        assertThat(html).contains("<option value=\"R2\" selected>Rome</option>");
    }

    @Test
    void everyLanguageRendersEveryReviewWithoutMissingMessages() {
        for (var language : PageContext.LANGUAGES) {
            wrongAnswers().forEach((item, saved) -> {
                var html = Pages.reviewed(review(item, saved, true, true, language), language);
                assertThat(html)
                        .as("%s in %s", AskedItem.typeName(item), language)
                        .doesNotContain("assessment.");
                AskedItemTests.assertLabelled(html);
            });
        }
    }
}
