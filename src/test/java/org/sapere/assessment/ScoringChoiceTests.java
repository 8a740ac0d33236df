package org.sapere.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sapere.assessment.AssessmentFixtures.allOrNothing;
import static org.sapere.assessment.AssessmentFixtures.assertScore;
import static org.sapere.assessment.AssessmentFixtures.en;
import static org.sapere.assessment.AssessmentFixtures.options;
import static org.sapere.assessment.AssessmentFixtures.withFeedback;
import static org.sapere.assessment.AssessmentFixtures.worth;
import static org.sapere.assessment.domain.Correctness.CORRECT;
import static org.sapere.assessment.domain.Correctness.INCORRECT;
import static org.sapere.assessment.domain.Correctness.PARTIAL;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.domain.Feedback;
import org.sapere.assessment.domain.ItemInfo;
import org.sapere.assessment.domain.MultipleResponse;
import org.sapere.assessment.domain.Response;
import org.sapere.assessment.domain.Scoring;
import org.sapere.assessment.domain.SingleChoice;
import org.sapere.assessment.domain.TrueFalse;

/** Single choice, multiple response and true/false: whole marks, and multiple response's ±1/n partial credit. */
class ScoringChoiceTests {

    private static SingleChoice singleChoice(ItemInfo info) {
        return new SingleChoice(info, List.of(withFeedback("A"), withFeedback("B"), withFeedback("C")), "B");
    }

    /** Five options, four of them correct: n = 4. */
    private static MultipleResponse fourOfFive(ItemInfo info) {
        return new MultipleResponse(info, options("A", "B", "C", "D", "E"), Set.of("A", "B", "C", "D"));
    }

    private static Response.MultipleResponse chosen(String... ids) {
        return new Response.MultipleResponse(Set.of(ids));
    }

    @Test
    void singleChoiceRightOptionEarnsAllPointsAndItsFeedback() {
        var score = Scoring.score(singleChoice(worth("2")), new Response.SingleChoice("B"));
        assertScore(score, "2.0000", CORRECT);
        assertThat(score.max()).isEqualTo(new BigDecimal("2.0000"));
        assertThat(score.feedback()).containsExactly(new Feedback("B", CORRECT, en("Feedback on B"), null));
    }

    @Test
    void singleChoiceWrongOptionEarnsNothingButItsFeedback() {
        var score = Scoring.score(singleChoice(worth("2")), new Response.SingleChoice("A"));
        assertScore(score, "0.0000", INCORRECT);
        assertThat(score.feedback()).containsExactly(new Feedback("A", INCORRECT, en("Feedback on A"), null));
    }

    @Test
    void singleChoiceScoresTheSameAllOrNothing() {
        assertScore(Scoring.score(singleChoice(allOrNothing("2")), new Response.SingleChoice("B")), "2.0000", CORRECT);
        assertScore(
                Scoring.score(singleChoice(allOrNothing("2")), new Response.SingleChoice("C")), "0.0000", INCORRECT);
    }

    @Test
    void singleChoiceEmptyUnknownOrMismatchedResponseScoresZeroWithoutFeedback() {
        var item = singleChoice(worth("2"));
        for (var response : List.of(
                new Response.Unanswered(),
                new Response.SingleChoice(""),
                new Response.SingleChoice("Z"),
                new Response.TrueFalse(true),
                new Response.MultipleResponse(Set.of("B")))) {
            var score = Scoring.score(item, response);
            assertScore(score, "0.0000", INCORRECT);
            assertThat(score.max()).isEqualTo(new BigDecimal("2.0000"));
            assertThat(score.feedback()).isEmpty();
        }
    }

    @Test
    void multipleResponseGivesAllPointsForExactlyTheCorrectOptions() {
        assertScore(Scoring.score(fourOfFive(worth("2")), chosen("A", "B", "C", "D")), "2.0000", CORRECT);
    }

    @Test
    void multipleResponseAddsAndSubtractsPointsOverNPerOption() {
        var item = fourOfFive(worth("2"));
        // Three right, none wrong: 3 × 2/4.
        assertScore(Scoring.score(item, chosen("A", "B", "C")), "1.5000", PARTIAL);
        // Three right, one wrong: (3 − 1) × 2/4.
        assertScore(Scoring.score(item, chosen("A", "B", "C", "E")), "1.0000", PARTIAL);
        // All four right and the wrong one too: (4 − 1) × 2/4.
        assertScore(Scoring.score(item, chosen("A", "B", "C", "D", "E")), "1.5000", PARTIAL);
        // One right: 2/4.
        assertScore(Scoring.score(item, chosen("A")), "0.5000", PARTIAL);
    }

    @Test
    void multipleResponseIsFlooredAtZero() {
        var item = fourOfFive(worth("2"));
        assertScore(Scoring.score(item, chosen("A", "E")), "0.0000", INCORRECT);
        assertScore(Scoring.score(item, chosen("E")), "0.0000", INCORRECT);
    }

    @Test
    void multipleResponseThirdsRoundHalfUpOnceAndAddUpExactly() {
        var item = new MultipleResponse(worth("1"), options("A", "B", "C", "D"), Set.of("A", "B", "C"));
        assertScore(Scoring.score(item, chosen("A")), "0.3333", PARTIAL);
        assertScore(Scoring.score(item, chosen("A", "B")), "0.6667", PARTIAL);
        assertScore(Scoring.score(item, chosen("A", "B", "C")), "1.0000", CORRECT);
        assertScore(Scoring.score(item, chosen("A", "B", "C", "D")), "0.6667", PARTIAL);
    }

    @Test
    void multipleResponseAllOrNothingNeedsExactlyTheCorrectSet() {
        var item = fourOfFive(allOrNothing("2"));
        assertScore(Scoring.score(item, chosen("A", "B", "C", "D")), "2.0000", CORRECT);
        assertScore(Scoring.score(item, chosen("A", "B", "C")), "0.0000", INCORRECT);
        assertScore(Scoring.score(item, chosen("A", "B", "C", "D", "E")), "0.0000", INCORRECT);
    }

    @Test
    void multipleResponseFeedbackCoversTheChosenOptionsInTheItemsOrder() {
        var item = new MultipleResponse(
                worth("1"), List.of(withFeedback("A"), withFeedback("B"), withFeedback("C")), Set.of("A", "B"));
        var score = Scoring.score(item, chosen("C", "A"));
        assertThat(score.feedback())
                .containsExactly(
                        new Feedback("A", CORRECT, en("Feedback on A"), null),
                        new Feedback("C", INCORRECT, en("Feedback on C"), null));
    }

    @Test
    void multipleResponseIgnoresIdsTheItemDoesNotHave() {
        var item = fourOfFive(worth("2"));
        assertScore(Scoring.score(item, chosen("A", "B", "C", "D", "Z")), "2.0000", CORRECT);
    }

    @Test
    void multipleResponseEmptyOrMismatchedResponseScoresZero() {
        var item = fourOfFive(worth("2"));
        for (var response :
                List.of(chosen(), new Response.Unanswered(), new Response.SingleChoice("A"), new Response.Essay("A"))) {
            var score = Scoring.score(item, response);
            assertScore(score, "0.0000", INCORRECT);
            assertThat(score.feedback()).isEmpty();
        }
    }

    @Test
    void trueFalseScoresTheAnswerAndShowsItsFeedback() {
        var item = new TrueFalse(worth("1"), true, en("Yes: water boils at 100 °C at sea level."), en("It does."));
        var right = Scoring.score(item, new Response.TrueFalse(true));
        assertScore(right, "1.0000", CORRECT);
        assertThat(right.feedback())
                .containsExactly(
                        new Feedback(Feedback.ANSWER, CORRECT, en("Yes: water boils at 100 °C at sea level."), null));
        var wrong = Scoring.score(item, new Response.TrueFalse(false));
        assertScore(wrong, "0.0000", INCORRECT);
        assertThat(wrong.feedback()).containsExactly(new Feedback(Feedback.ANSWER, INCORRECT, en("It does."), null));
    }

    @Test
    void trueFalseScoresTheSameAllOrNothing() {
        var item = new TrueFalse(allOrNothing("1.5"), false, null, null);
        assertScore(Scoring.score(item, new Response.TrueFalse(false)), "1.5000", CORRECT);
        assertScore(Scoring.score(item, new Response.TrueFalse(true)), "0.0000", INCORRECT);
    }

    @Test
    void trueFalseUnansweredOrMismatchedScoresZero() {
        var item = new TrueFalse(worth("1"), false, null, null);
        assertScore(Scoring.score(item, new Response.Unanswered()), "0.0000", INCORRECT);
        assertScore(Scoring.score(item, new Response.ShortText("false")), "0.0000", INCORRECT);
    }
}
