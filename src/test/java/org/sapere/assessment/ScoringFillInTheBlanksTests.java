package org.sapere.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.sapere.assessment.AssessmentFixtures.allOrNothing;
import static org.sapere.assessment.AssessmentFixtures.assertScore;
import static org.sapere.assessment.AssessmentFixtures.en;
import static org.sapere.assessment.AssessmentFixtures.withFeedback;
import static org.sapere.assessment.AssessmentFixtures.worth;
import static org.sapere.assessment.domain.Correctness.CORRECT;
import static org.sapere.assessment.domain.Correctness.INCORRECT;
import static org.sapere.assessment.domain.Correctness.PARTIAL;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.domain.Feedback;
import org.sapere.assessment.domain.FillInTheBlanks;
import org.sapere.assessment.domain.Gap;
import org.sapere.assessment.domain.ItemInfo;
import org.sapere.assessment.domain.NumericAnswer;
import org.sapere.assessment.domain.NumericAnswer.Unit;
import org.sapere.assessment.domain.Response;
import org.sapere.assessment.domain.Scoring;
import org.sapere.assessment.domain.TextAnswer.Literal;
import org.sapere.assessment.domain.TextAnswer.Regex;

/** Fill in the blanks: an equal share per gap right, with text, numeric and inline-choice gaps in one item. */
class ScoringFillInTheBlanksTests {

    /** Four gaps of four kinds, 3 points: 0.75 a gap. */
    private static FillInTheBlanks rome(ItemInfo info) {
        return new FillInTheBlanks(
                info,
                en("{{city}} is the capital of {{country}}, {{distance}} from Milan; the Tiber {{verb}} through it."),
                List.of(
                        new Gap.Text("city", List.of(Literal.of("Rome"), Literal.of("Roma"))),
                        new Gap.InlineChoice("country", List.of(withFeedback("IT"), withFeedback("FR")), "IT"),
                        new Gap.Numeric(
                                "distance",
                                NumericAnswer.exactly(new BigDecimal("477"))
                                        .withAbsoluteTolerance(new BigDecimal("10"))
                                        .withUnit(new Unit(List.of("km"), true))),
                        new Gap.Text("verb", List.of(new Regex("flows|runs", false)))));
    }

    private static Response.FillInTheBlanks filled(String city, String country, String distance, String verb) {
        return new Response.FillInTheBlanks(
                Map.of("city", city, "country", country, "distance", distance, "verb", verb));
    }

    @Test
    void everyGapRightEarnsAllPoints() {
        var score = Scoring.score(rome(worth("3")), filled("rome", "IT", "480 km", "Flows"));
        assertScore(score, "3.0000", CORRECT);
        assertThat(score.feedback())
                .containsExactly(
                        new Feedback("city", CORRECT, null, null),
                        new Feedback("country", CORRECT, en("Feedback on IT"), null),
                        new Feedback("distance", CORRECT, null, null),
                        new Feedback("verb", CORRECT, null, null));
    }

    @Test
    void eachGapRightEarnsAnEqualShare() {
        var item = rome(worth("3"));
        assertScore(Scoring.score(item, filled("Roma", "IT", "477 km", "crawls")), "2.2500", PARTIAL);
        assertScore(Scoring.score(item, filled("Milan", "IT", "477,0 km", "sleeps")), "1.5000", PARTIAL);
        assertScore(Scoring.score(item, filled("Milan", "FR", "477 km", "sleeps")), "0.7500", PARTIAL);
        assertScore(Scoring.score(item, filled("Milan", "FR", "600 km", "sleeps")), "0.0000", INCORRECT);
    }

    @Test
    void feedbackSaysForEachGapWhetherItIsRightAndWhyNot() {
        var score = Scoring.score(rome(worth("3")), filled("Milan", "FR", "477", "runs"));
        assertScore(score, "0.7500", PARTIAL);
        assertThat(score.feedback())
                .containsExactly(
                        new Feedback("city", INCORRECT, null, null),
                        new Feedback("country", INCORRECT, en("Feedback on FR"), null),
                        new Feedback("distance", INCORRECT, null, "assessment.feedback.unitMissing"),
                        new Feedback("verb", CORRECT, null, null));
    }

    @Test
    void aGapLeftOutIsWrongAndTheOthersStillCount() {
        var score = Scoring.score(
                rome(worth("3")), new Response.FillInTheBlanks(Map.of("city", "Rome", "verb", "", "river", "Tiber")));
        assertScore(score, "0.7500", PARTIAL);
        assertThat(score.feedback())
                .extracting(Feedback::part, Feedback::correctness)
                .containsExactly(
                        tuple("city", CORRECT),
                        tuple("country", INCORRECT),
                        tuple("distance", INCORRECT),
                        tuple("verb", INCORRECT));
    }

    @Test
    void thirdsRoundHalfUpOnce() {
        var item = new FillInTheBlanks(
                worth("1"),
                en("{{a}}, {{b}}, {{c}}"),
                List.of(
                        new Gap.Text("a", List.of(Literal.of("x"))),
                        new Gap.Text("b", List.of(Literal.of("y"))),
                        new Gap.Text("c", List.of(Literal.of("z")))));
        assertScore(
                Scoring.score(item, new Response.FillInTheBlanks(Map.of("a", "x", "b", "y", "c", "-"))),
                "0.6667",
                PARTIAL);
        assertScore(
                Scoring.score(item, new Response.FillInTheBlanks(Map.of("a", "x", "b", "-", "c", "-"))),
                "0.3333",
                PARTIAL);
    }

    @Test
    void allOrNothingNeedsEveryGap() {
        var item = rome(allOrNothing("3"));
        assertScore(Scoring.score(item, filled("Rome", "IT", "477 km", "flows")), "3.0000", CORRECT);
        var three = Scoring.score(item, filled("Rome", "IT", "477 km", "crawls"));
        assertScore(three, "0.0000", INCORRECT);
        // The learner still learns which gaps were right.
        assertThat(three.feedback())
                .extracting(Feedback::correctness)
                .containsExactly(CORRECT, CORRECT, CORRECT, INCORRECT);
    }

    @Test
    void emptyOrMismatchedResponseScoresZeroWithoutFeedback() {
        var item = rome(worth("3"));
        for (var response : List.of(
                new Response.FillInTheBlanks(Map.of()),
                new Response.FillInTheBlanks(Map.of("city", " ", "verb", "")),
                new Response.Unanswered(),
                new Response.ShortText("Rome"))) {
            var score = Scoring.score(item, response);
            assertScore(score, "0.0000", INCORRECT);
            assertThat(score.feedback()).isEmpty();
        }
    }
}
