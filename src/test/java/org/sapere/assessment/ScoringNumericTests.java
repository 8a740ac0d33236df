package org.sapere.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.sapere.assessment.AssessmentFixtures.allOrNothing;
import static org.sapere.assessment.AssessmentFixtures.assertScore;
import static org.sapere.assessment.AssessmentFixtures.worth;
import static org.sapere.assessment.domain.Correctness.CORRECT;
import static org.sapere.assessment.domain.Correctness.INCORRECT;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.domain.Feedback;
import org.sapere.assessment.domain.Numeric;
import org.sapere.assessment.domain.NumericAnswer;
import org.sapere.assessment.domain.NumericAnswer.Unit;
import org.sapere.assessment.domain.Response;
import org.sapere.assessment.domain.Score;
import org.sapere.assessment.domain.Scoring;

/** Numeric items: full marks within tolerance; significant figures, decimal commas and units as typed. */
class ScoringNumericTests {

    private static final Unit METRES = new Unit(List.of("m", "metre", "metres", "meters"), true);

    private static NumericAnswer exactly(String value) {
        return NumericAnswer.exactly(new BigDecimal(value));
    }

    private static Score score(NumericAnswer answer, String typed) {
        return Scoring.score(new Numeric(worth("1"), answer), new Response.Numeric(typed));
    }

    private static void assertRight(NumericAnswer answer, String... typed) {
        for (var t : typed) {
            assertThat(score(answer, t).points()).as(t).isEqualTo(new BigDecimal("1.0000"));
        }
    }

    /** Each typed answer scores zero, and the feedback gives {@code reason} (null: no reason given). */
    private static void assertWrong(NumericAnswer answer, @Nullable String reason, String... typed) {
        for (var t : typed) {
            var score = score(answer, t);
            assertThat(score.points()).as(t).isEqualTo(new BigDecimal("0.0000"));
            assertThat(score.feedback()).as(t).containsExactly(new Feedback(Feedback.ANSWER, INCORRECT, null, reason));
        }
    }

    @Test
    void withoutToleranceOnlyTheExactValueIsRight() {
        var answer = exactly("9.81");
        var score = score(answer, "9.81");
        assertScore(score, "1.0000", CORRECT);
        assertThat(score.feedback()).containsExactly(new Feedback(Feedback.ANSWER, CORRECT, null, null));
        // Trailing zeros do not change the value; only a required number of figures makes them matter.
        assertRight(answer, "9.810", "+9.81", " 9.81 ");
        assertWrong(answer, null, "9.8", "9.811", "-9.81");
    }

    @Test
    void absoluteToleranceIncludesItsBoundaries() {
        var answer = exactly("10").withAbsoluteTolerance(new BigDecimal("0.5"));
        assertRight(answer, "10.5", "9.5", "10.2", "10");
        assertWrong(answer, null, "10.5001", "9.4999", "11");
    }

    @Test
    void relativeToleranceIsAPercentOfTheValueBoundariesIncluded() {
        var answer = exactly("200").withRelativeTolerance(new BigDecimal("1"));
        assertRight(answer, "202", "198", "201.5");
        assertWrong(answer, null, "202.01", "197.99");
        var negative = exactly("-200").withRelativeTolerance(new BigDecimal("1"));
        assertRight(negative, "-198", "-202");
        assertWrong(negative, null, "198", "-197");
    }

    @Test
    void withBothTolerancesEitherIsEnough() {
        var answer =
                exactly("100").withAbsoluteTolerance(new BigDecimal("0.5")).withRelativeTolerance(new BigDecimal("1"));
        // 0.9 away: outside the absolute 0.5, inside the relative 1.
        assertRight(answer, "100.9", "99.1");
        assertWrong(answer, null, "101.1");
        var small = exactly("0.02")
                .withAbsoluteTolerance(new BigDecimal("0.005"))
                .withRelativeTolerance(new BigDecimal("1"));
        // 0.004 away: far outside 1 % of 0.02, inside the absolute 0.005.
        assertRight(small, "0.024", "0.015");
        assertWrong(small, null, "0.0251");
    }

    @Test
    void aDecimalCommaIsReadLikeAPoint() {
        var answer = exactly("1.5");
        assertRight(answer, "1,5", "1.5", "1,50", " 1,5 ", ",15e1");
        var negative = exactly("-9.81");
        assertRight(negative, "-9,81", "\u22129,81");
    }

    @Test
    void scientificNotationIsWrittenWithE() {
        var answer = exactly("6.02e23");
        assertRight(answer, "6.02e23", "6,02E23", "602000000000000000000000", "60.2e+22");
        assertWrong(answer, "assessment.feedback.unitUnexpected", "6.02×10^23");
    }

    @Test
    void whatIsNotANumberSaysSo() {
        var answer = exactly("1500");
        // No thousands separators: a comma is always decimal, a space ends the number.
        assertWrong(answer, "assessment.feedback.notANumber", "abc", "1.500.000", "1 500", "1,5,0", "m 1500", "e5");
        assertWrong(answer, null, "1,500");
        var tooLong = "1" + "0".repeat(120);
        assertWrong(answer, "assessment.feedback.notANumber", tooLong);
    }

    @Test
    void extremeExponentsAreRefusedOrComparedQuickly() {
        var answer = exactly("9.81");
        assertWrong(answer, "assessment.feedback.notANumber", "1e9999", "1e-99999999");
        assertThatCode(() -> assertWrong(answer, null, "1e999", "1e-999")).doesNotThrowAnyException();
    }

    @Test
    void significantFiguresMustBeExactlyTheRequiredNumber() {
        var answer =
                exactly("9.81").withAbsoluteTolerance(new BigDecimal("0.05")).withSignificantFigures(3);
        assertRight(answer, "9.81", "9,79", "9.85");
        assertWrong(answer, "assessment.feedback.significantFigures", "9.8", "9.810", "9.8100");
        // A wrong value is only wrong: its figures are not commented on.
        assertWrong(answer, null, "9.9", "9.7");
    }

    @Test
    void theValueIsComparedAfterRoundingToTheRequiredFigures() {
        var answer = exactly("9.80665").withSignificantFigures(3);
        assertThat(answer.reference()).isEqualByComparingTo("9.81");
        assertRight(answer, "9.81");
        // The exact value is not an answer to 3 significant figures.
        assertWrong(answer, null, "9.80665", "9.807", "9.8");
    }

    @Test
    void leadingZerosNeverCountAndTrailingZerosCountAfterThePoint() {
        var answer = exactly("0.00950").withSignificantFigures(3);
        assertRight(answer, "0.00950", "0,00950", "9.50e-3", "950e-5");
        assertWrong(answer, "assessment.feedback.significantFigures", "0.0095", "9.5e-3", "0.009500");
    }

    @Test
    void anIntegersTrailingZerosMayOrMayNotBeSignificant() {
        var answer = exactly("1500").withSignificantFigures(3);
        // 1500 has 2, 3 or 4 significant figures: it is given the benefit of the doubt.
        assertRight(answer, "1500", "1.50e3", "150e1");
        assertWrong(answer, "assessment.feedback.significantFigures", "1.5e3", "1500.0", "1500.");
        var two = exactly("1500").withSignificantFigures(2);
        assertRight(two, "1500", "1.5e3");
        var five = exactly("1500").withSignificantFigures(5);
        assertRight(five, "1500.0");
        assertWrong(five, "assessment.feedback.significantFigures", "1500");
    }

    @Test
    void aRequiredUnitMustBeOneOfItsSpellings() {
        var answer = exactly("9.81").withUnit(METRES);
        assertRight(answer, "9.81 m", "9.81m", "9,81 metres", "9.81 meters", "  9.81   metre ");
        assertWrong(answer, "assessment.feedback.unitMissing", "9.81");
        // Units are compared exactly: M is mega, not metre.
        assertWrong(answer, "assessment.feedback.unitWrong", "9.81 kg", "9.81 M", "9.81 Metres");
        // No conversions.
        assertWrong(answer, "assessment.feedback.unitWrong", "981 cm", "0.00981 km");
    }

    @Test
    void anOptionalUnitMayBeLeftOutButNotMistyped() {
        var answer = exactly("1.5").withUnit(new Unit(List.of("m"), false));
        assertRight(answer, "1,5", "1.50 m", "1.5");
        assertWrong(answer, "assessment.feedback.unitWrong", "1.5 s");
    }

    @Test
    void aUnitTheItemDoesNotExpectIsWrong() {
        assertWrong(exactly("9.81"), "assessment.feedback.unitUnexpected", "9.81 m", "9.81 %");
    }

    @Test
    void theUnitIsCheckedBeforeTheValue() {
        var answer = exactly("9.81").withUnit(METRES);
        assertWrong(answer, "assessment.feedback.unitMissing", "3");
    }

    @Test
    void scoresTheSameAllOrNothing() {
        var item = new Numeric(allOrNothing("2"), exactly("3.14").withAbsoluteTolerance(new BigDecimal("0.01")));
        assertScore(Scoring.score(item, new Response.Numeric("3,15")), "2.0000", CORRECT);
        assertScore(Scoring.score(item, new Response.Numeric("3.16")), "0.0000", INCORRECT);
    }

    @Test
    void emptyOrMismatchedResponseScoresZeroWithoutFeedback() {
        var item = new Numeric(worth("1"), exactly("9.81"));
        for (var response : List.of(
                new Response.Numeric(""),
                new Response.Numeric("   "),
                new Response.Unanswered(),
                new Response.ShortText("9.81"))) {
            var score = Scoring.score(item, response);
            assertScore(score, "0.0000", INCORRECT);
            assertThat(score.feedback()).isEmpty();
        }
    }
}
