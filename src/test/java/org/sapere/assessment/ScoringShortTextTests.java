package org.sapere.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.sapere.assessment.AssessmentFixtures.allOrNothing;
import static org.sapere.assessment.AssessmentFixtures.assertScore;
import static org.sapere.assessment.AssessmentFixtures.worth;
import static org.sapere.assessment.domain.Correctness.CORRECT;
import static org.sapere.assessment.domain.Correctness.INCORRECT;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.domain.Feedback;
import org.sapere.assessment.domain.Response;
import org.sapere.assessment.domain.Score;
import org.sapere.assessment.domain.Scoring;
import org.sapere.assessment.domain.ShortText;
import org.sapere.assessment.domain.TextAnswer;
import org.sapere.assessment.domain.TextAnswer.Literal;
import org.sapere.assessment.domain.TextAnswer.Regex;

/** Short text: full marks on any accepted answer, with its case, whitespace and regular-expression rules. */
class ScoringShortTextTests {

    private static Score score(List<TextAnswer> accepted, String typed) {
        return Scoring.score(new ShortText(worth("1"), accepted), new Response.ShortText(typed));
    }

    private static void assertRight(List<TextAnswer> accepted, String... typed) {
        for (var t : typed) {
            assertThat(score(accepted, t).correctness()).as(t).isEqualTo(CORRECT);
        }
    }

    private static void assertWrong(List<TextAnswer> accepted, String... typed) {
        for (var t : typed) {
            assertThat(score(accepted, t).correctness()).as(t).isEqualTo(INCORRECT);
        }
    }

    @Test
    void anAcceptedAnswerEarnsFullMarks() {
        var accepted = List.<TextAnswer>of(Literal.of("Rome"), Literal.of("Roma"));
        var score = score(accepted, "Roma");
        assertScore(score, "1.0000", CORRECT);
        assertThat(score.feedback()).containsExactly(new Feedback(Feedback.ANSWER, CORRECT, null, null));
        var wrong = score(accepted, "Milan");
        assertScore(wrong, "0.0000", INCORRECT);
        assertThat(wrong.feedback()).containsExactly(new Feedback(Feedback.ANSWER, INCORRECT, null, null));
    }

    @Test
    void byDefaultCaseIsIgnoredAndSpacesAreNormalised() {
        var accepted = List.<TextAnswer>of(Literal.of("New York"));
        assertRight(accepted, "new york", "NEW YORK", "  New   York ", "New\tYork", "New\u00a0York");
        assertWrong(accepted, "NewYork", "New York City");
    }

    @Test
    void aCaseSensitiveAnswerNeedsTheExactCase() {
        var accepted = List.<TextAnswer>of(new Literal("pH", true, true));
        assertRight(accepted, "pH", " pH ");
        assertWrong(accepted, "ph", "PH");
    }

    @Test
    void withoutWhitespaceNormalisationSpacesCount() {
        var accepted = List.<TextAnswer>of(new Literal("a  b", false, false));
        assertRight(accepted, "a  b", "A  B");
        assertWrong(accepted, "a b", " a  b");
    }

    @Test
    void composedAndDecomposedAccentsAreTheSame() {
        var accepted = List.<TextAnswer>of(Literal.of("café"));
        assertRight(accepted, "cafe\u0301", "CAFÉ");
        assertWrong(accepted, "cafe");
    }

    @Test
    void aRegularExpressionMustMatchTheWholeAnswer() {
        var accepted = List.<TextAnswer>of(new Regex("colou?r", false));
        assertRight(accepted, "color", "Colour", "  colour  ");
        assertWrong(accepted, "colours", "my colour", "colr");
    }

    @Test
    void aCaseSensitiveRegularExpressionKeepsCase() {
        var accepted = List.<TextAnswer>of(new Regex("[A-Z]{2}\\d", true));
        assertRight(accepted, "AB1");
        assertWrong(accepted, "ab1", "ABC");
    }

    @Test
    void caseInsensitiveRegularExpressionsIgnoreCaseInEveryScript() {
        var accepted = List.<TextAnswer>of(new Regex("σοφία", false));
        assertRight(accepted, "ΣΟΦΊΑ");
    }

    @Test
    void answersOverTheLengthCapMatchNothing() {
        var anything = List.<TextAnswer>of(new Regex(".*", false));
        assertRight(anything, "x".repeat(TextAnswer.MAX_LENGTH));
        var tooLong = score(anything, "x".repeat(TextAnswer.MAX_LENGTH + 1));
        assertScore(tooLong, "0.0000", INCORRECT);
        assertThat(tooLong.feedback())
                .containsExactly(new Feedback(Feedback.ANSWER, INCORRECT, null, "assessment.feedback.tooLong"));
    }

    @Test
    void aCatastrophicallyBacktrackingPatternGivesUpInsteadOfStalling() {
        // Java's engine needs about a second for 24 a's here, and doubles that with each one more.
        var accepted = List.<TextAnswer>of(new Regex("((a+)+)+b", false));
        var evil = "a".repeat(40) + "c";
        var score = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> score(accepted, evil));
        assertScore(score, "0.0000", INCORRECT);
        assertRight(accepted, "aaab");
    }

    @Test
    void scoresTheSameAllOrNothing() {
        var item = new ShortText(allOrNothing("3"), List.of(Literal.of("Paris")));
        assertScore(Scoring.score(item, new Response.ShortText("paris")), "3.0000", CORRECT);
        assertScore(Scoring.score(item, new Response.ShortText("Lyon")), "0.0000", INCORRECT);
    }

    @Test
    void emptyOrMismatchedResponseScoresZeroWithoutFeedback() {
        var item = new ShortText(worth("1"), List.of(new Regex(".*", false)));
        for (var response : List.of(
                new Response.ShortText(""),
                new Response.ShortText("  "),
                new Response.Unanswered(),
                new Response.Numeric("anything"))) {
            var score = Scoring.score(item, response);
            assertScore(score, "0.0000", INCORRECT);
            assertThat(score.feedback()).isEmpty();
        }
    }
}
