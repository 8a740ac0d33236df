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

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.domain.Feedback;
import org.sapere.assessment.domain.ItemInfo;
import org.sapere.assessment.domain.Ordering;
import org.sapere.assessment.domain.Response;
import org.sapere.assessment.domain.Scoring;

/** Ordering: an equal share per item in its correct absolute position. */
class ScoringOrderingTests {

    /** A, B, C, D in that order. */
    private static Ordering abcd(ItemInfo info) {
        return new Ordering(info, options("A", "B", "C", "D"));
    }

    private static Response.Ordering order(String... ids) {
        return new Response.Ordering(List.of(ids));
    }

    @Test
    void theCorrectOrderEarnsAllPoints() {
        assertScore(Scoring.score(abcd(worth("2")), order("A", "B", "C", "D")), "2.0000", CORRECT);
    }

    @Test
    void eachItemInItsPositionEarnsAnEqualShare() {
        var item = abcd(worth("2"));
        assertScore(Scoring.score(item, order("A", "C", "B", "D")), "1.0000", PARTIAL);
        assertScore(Scoring.score(item, order("A", "B", "D", "C")), "1.0000", PARTIAL);
        assertScore(Scoring.score(item, order("A", "D", "C", "B")), "1.0000", PARTIAL);
        assertScore(Scoring.score(item, order("C", "B", "A", "D")), "1.0000", PARTIAL);
        assertScore(Scoring.score(item, order("B", "A", "C", "D")), "1.0000", PARTIAL);
        assertScore(Scoring.score(item, order("A", "C", "D", "B")), "0.5000", PARTIAL);
        assertScore(Scoring.score(item, order("D", "C", "B", "A")), "0.0000", INCORRECT);
    }

    @Test
    void positionsAreAbsoluteSoAShiftedRunEarnsNothing() {
        // B, C, D keep their relative order but none is where it belongs.
        assertScore(Scoring.score(abcd(worth("2")), order("B", "C", "D", "A")), "0.0000", INCORRECT);
    }

    @Test
    void thirdsRoundHalfUpOnce() {
        var item = new Ordering(worth("1"), options("A", "B", "C"));
        assertScore(Scoring.score(item, order("A", "C", "B")), "0.3333", PARTIAL);
        var six = new Ordering(worth("1"), options("A", "B", "C", "D", "E", "F"));
        assertScore(Scoring.score(six, order("A", "B", "C", "D", "F", "E")), "0.6667", PARTIAL);
    }

    @Test
    void feedbackFollowsTheLearnersOrder() {
        var item = new Ordering(worth("1"), List.of(withFeedback("A"), withFeedback("B"), withFeedback("C")));
        assertThat(Scoring.score(item, order("A", "C", "B")).feedback())
                .containsExactly(
                        new Feedback("A", CORRECT, en("Feedback on A"), null),
                        new Feedback("C", INCORRECT, en("Feedback on C"), null),
                        new Feedback("B", INCORRECT, en("Feedback on B"), null));
    }

    @Test
    void allOrNothingNeedsTheWholeOrder() {
        var item = abcd(allOrNothing("2"));
        assertScore(Scoring.score(item, order("A", "B", "C", "D")), "2.0000", CORRECT);
        assertScore(Scoring.score(item, order("A", "B", "D", "C")), "0.0000", INCORRECT);
    }

    @Test
    void anOrderThatIsNotAPermutationOfTheItemsScoresZero() {
        var item = abcd(worth("2"));
        for (var response : List.of(
                order("A", "A", "C", "D"),
                order("A", "B", "C"),
                order("A", "B", "C", "D", "E"),
                order("A", "B", "C", "E"))) {
            var score = Scoring.score(item, response);
            assertScore(score, "0.0000", INCORRECT);
            assertThat(score.feedback())
                    .containsExactly(
                            new Feedback(Feedback.ANSWER, INCORRECT, null, "assessment.feedback.notAPermutation"));
        }
    }

    @Test
    void emptyOrMismatchedResponseScoresZeroWithoutFeedback() {
        var item = abcd(worth("2"));
        for (var response : List.of(order(), new Response.Unanswered(), new Response.SingleChoice("A"))) {
            var score = Scoring.score(item, response);
            assertScore(score, "0.0000", INCORRECT);
            assertThat(score.feedback()).isEmpty();
        }
    }
}
