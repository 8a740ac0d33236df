package org.sapere.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sapere.assessment.AssessmentFixtures.allOrNothing;
import static org.sapere.assessment.AssessmentFixtures.assertScore;
import static org.sapere.assessment.AssessmentFixtures.en;
import static org.sapere.assessment.AssessmentFixtures.worth;
import static org.sapere.assessment.domain.Correctness.CORRECT;
import static org.sapere.assessment.domain.Correctness.INCORRECT;
import static org.sapere.assessment.domain.Correctness.PARTIAL;
import static org.sapere.assessment.domain.Correctness.PENDING;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.domain.Essay;
import org.sapere.assessment.domain.Feedback;
import org.sapere.assessment.domain.InvalidGradeException;
import org.sapere.assessment.domain.ItemInfo;
import org.sapere.assessment.domain.Response;
import org.sapere.assessment.domain.Rubric;
import org.sapere.assessment.domain.Rubric.Criterion;
import org.sapere.assessment.domain.Rubric.Level;
import org.sapere.assessment.domain.Scoring;

/** Essays: pending until staff grade them; the grade sums the rubric's levels, capped at the item's points. */
class ScoringEssayTests {

    private static Level level(String id, String points) {
        return new Level(id, en("Level " + id), new BigDecimal(points));
    }

    /** Argument (3, 1.5 or 0) and sources (2 or 0): at best 5, more than the item's 4 points. */
    private static Essay essay(ItemInfo info) {
        return new Essay(
                info,
                new Rubric(List.of(
                        new Criterion(
                                "argument",
                                en("The argument"),
                                List.of(level("strong", "3"), level("adequate", "1.5"), level("missing", "0"))),
                        new Criterion(
                                "sources", en("Sources cited"), List.of(level("good", "2"), level("none", "0"))))),
                50,
                500);
    }

    @Test
    void aSubmittedEssayIsPendingWithNoPointsYet() {
        var score = Scoring.score(essay(worth("4")), new Response.Essay("Rome was not built in a day, because …"));
        assertScore(score, "0.0000", PENDING);
        assertThat(score.max()).isEqualTo(new BigDecimal("4.0000"));
        assertThat(score.feedback()).isEmpty();
    }

    @Test
    void anEmptyOrMismatchedResponseIsIncorrectNotPending() {
        var item = essay(worth("4"));
        for (var response : List.of(
                new Response.Essay(""),
                new Response.Essay(" \n "),
                new Response.Unanswered(),
                new Response.ShortText("An essay"))) {
            assertScore(Scoring.score(item, response), "0.0000", INCORRECT);
        }
    }

    @Test
    void theGradeSumsTheChosenLevels() {
        var item = essay(worth("4"));
        var score = Scoring.grade(item, Map.of("argument", "strong", "sources", "none"));
        assertScore(score, "3.0000", PARTIAL);
        assertThat(score.feedback())
                .containsExactly(
                        new Feedback("argument", CORRECT, en("Level strong"), null),
                        new Feedback("sources", INCORRECT, en("Level none"), null));
        var adequate = Scoring.grade(item, Map.of("argument", "adequate", "sources", "good"));
        assertScore(adequate, "3.5000", PARTIAL);
        assertThat(adequate.feedback()).extracting(Feedback::correctness).containsExactly(PARTIAL, CORRECT);
        assertScore(Scoring.grade(item, Map.of("argument", "missing", "sources", "none")), "0.0000", INCORRECT);
    }

    @Test
    void theGradeIsCappedAtTheItemsPoints() {
        var score = Scoring.grade(essay(worth("4")), Map.of("argument", "strong", "sources", "good"));
        assertScore(score, "4.0000", CORRECT);
    }

    @Test
    void allOrNothingNeedsTheFullPoints() {
        var item = essay(allOrNothing("4"));
        assertScore(Scoring.grade(item, Map.of("argument", "strong", "sources", "good")), "4.0000", CORRECT);
        assertScore(Scoring.grade(item, Map.of("argument", "adequate", "sources", "good")), "0.0000", INCORRECT);
        assertScore(Scoring.score(item, new Response.Essay("Some text")), "0.0000", PENDING);
    }

    @Test
    void aGradeMustPickAKnownLevelForEveryCriterion() {
        var item = essay(worth("4"));
        assertThatThrownBy(() -> Scoring.grade(item, Map.of("argument", "strong")))
                .isInstanceOfSatisfying(InvalidGradeException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("assessment.grade.criterionNotGraded");
                    assertThat(e.argument()).isEqualTo("sources");
                });
        assertThatThrownBy(() -> Scoring.grade(item, Map.of("argument", "superb", "sources", "good")))
                .isInstanceOfSatisfying(InvalidGradeException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("assessment.grade.unknownLevel");
                    assertThat(e.argument()).isEqualTo("superb");
                });
        assertThatThrownBy(() -> Scoring.grade(item, Map.of("argument", "strong", "sources", "good", "style", "good")))
                .isInstanceOfSatisfying(InvalidGradeException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("assessment.grade.unknownCriterion");
                    assertThat(e.argument()).isEqualTo("style");
                });
    }

    @Test
    void wordsAreCountedForTheFormsLimits() {
        assertThat(Essay.words("Don't panic — it's well-known, 42 times.")).isEqualTo(6);
        assertThat(Essay.words("  ")).isZero();
        var item = essay(worth("4"));
        assertThat(item.withinWordLimits("word ".repeat(49))).isFalse();
        assertThat(item.withinWordLimits("word ".repeat(50))).isTrue();
        assertThat(item.withinWordLimits("word ".repeat(500))).isTrue();
        assertThat(item.withinWordLimits("word ".repeat(501))).isFalse();
    }
}
