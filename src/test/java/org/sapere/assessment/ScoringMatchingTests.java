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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.domain.Feedback;
import org.sapere.assessment.domain.ItemInfo;
import org.sapere.assessment.domain.Matching;
import org.sapere.assessment.domain.Response;
import org.sapere.assessment.domain.Scoring;

/** Matching: an equal share per left paired with its right; wrong pairs cost nothing. */
class ScoringMatchingTests {

    /** Countries to capitals, with Madrid as a distractor. */
    private static Matching capitals(ItemInfo info) {
        return new Matching(
                info,
                List.of(withFeedback("fr"), withFeedback("it"), withFeedback("de")),
                options("paris", "rome", "berlin", "madrid"),
                Map.of("fr", "paris", "it", "rome", "de", "berlin"),
                false);
    }

    private static Response.Matching paired(String... leftRight) {
        var pairs = new java.util.HashMap<String, String>();
        for (int i = 0; i < leftRight.length; i += 2) {
            pairs.put(leftRight[i], leftRight[i + 1]);
        }
        return new Response.Matching(pairs);
    }

    @Test
    void everyPairRightEarnsAllPoints() {
        var score = Scoring.score(capitals(worth("3")), paired("fr", "paris", "it", "rome", "de", "berlin"));
        assertScore(score, "3.0000", CORRECT);
        assertThat(score.feedback()).extracting(Feedback::correctness).containsExactly(CORRECT, CORRECT, CORRECT);
    }

    @Test
    void eachPairRightEarnsAnEqualShare() {
        var item = capitals(worth("3"));
        assertScore(Scoring.score(item, paired("fr", "paris", "it", "rome", "de", "madrid")), "2.0000", PARTIAL);
        assertScore(Scoring.score(item, paired("fr", "rome", "it", "paris", "de", "berlin")), "1.0000", PARTIAL);
        assertScore(Scoring.score(item, paired("fr", "rome", "it", "paris", "de", "madrid")), "0.0000", INCORRECT);
        var onePoint = capitals(worth("1"));
        assertScore(Scoring.score(onePoint, paired("fr", "paris")), "0.3333", PARTIAL);
        assertScore(Scoring.score(onePoint, paired("fr", "paris", "it", "rome")), "0.6667", PARTIAL);
    }

    @Test
    void unpairedLeftsEarnNothingAndWrongPairsCostNothing() {
        var item = capitals(worth("3"));
        assertScore(Scoring.score(item, paired("de", "berlin")), "1.0000", PARTIAL);
        assertScore(Scoring.score(item, paired("de", "berlin", "fr", "madrid", "it", "madrid")), "1.0000", PARTIAL);
    }

    @Test
    void feedbackCoversThePairedLeftsInTheItemsOrder() {
        var score = Scoring.score(capitals(worth("3")), paired("de", "berlin", "fr", "rome"));
        assertThat(score.feedback())
                .containsExactly(
                        new Feedback("fr", INCORRECT, en("Feedback on fr"), null),
                        new Feedback("de", CORRECT, en("Feedback on de"), null));
    }

    @Test
    void reusableRightsCanBeRightForSeveralLefts() {
        var item = new Matching(
                worth("3"),
                options("dog", "cat", "eagle"),
                options("mammal", "bird"),
                Map.of("dog", "mammal", "cat", "mammal", "eagle", "bird"),
                true);
        assertScore(Scoring.score(item, paired("dog", "mammal", "cat", "mammal", "eagle", "bird")), "3.0000", CORRECT);
        assertScore(Scoring.score(item, paired("dog", "mammal", "cat", "bird", "eagle", "bird")), "2.0000", PARTIAL);
    }

    @Test
    void allOrNothingNeedsEveryPair() {
        var item = capitals(allOrNothing("3"));
        assertScore(Scoring.score(item, paired("fr", "paris", "it", "rome", "de", "berlin")), "3.0000", CORRECT);
        assertScore(Scoring.score(item, paired("fr", "paris", "it", "rome", "de", "madrid")), "0.0000", INCORRECT);
    }

    @Test
    void leftsTheItemDoesNotHaveAreIgnored() {
        var item = capitals(worth("3"));
        assertScore(
                Scoring.score(item, paired("fr", "paris", "it", "rome", "de", "berlin", "es", "madrid")),
                "3.0000",
                CORRECT);
        var onlyUnknown = Scoring.score(item, paired("es", "madrid"));
        assertScore(onlyUnknown, "0.0000", INCORRECT);
        assertThat(onlyUnknown.feedback()).isEmpty();
    }

    @Test
    void emptyOrMismatchedResponseScoresZeroWithoutFeedback() {
        var item = capitals(worth("3"));
        for (var response :
                List.of(paired(), new Response.Unanswered(), new Response.FillInTheBlanks(Map.of("fr", "paris")))) {
            var score = Scoring.score(item, response);
            assertScore(score, "0.0000", INCORRECT);
            assertThat(score.feedback()).isEmpty();
        }
    }
}
