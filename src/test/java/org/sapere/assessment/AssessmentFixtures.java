package org.sapere.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.sapere.assessment.domain.Correctness;
import org.sapere.assessment.domain.ItemInfo;
import org.sapere.assessment.domain.Option;
import org.sapere.assessment.domain.Score;
import org.sapere.assessment.domain.ScoringMode;
import org.sapere.shared.LocalizedText;

/** Short ways to build items and check scores in the assessment tests. */
final class AssessmentFixtures {

    private AssessmentFixtures() {}

    static LocalizedText en(String text) {
        return LocalizedText.of("en", text);
    }

    static ItemInfo worth(String points) {
        return ItemInfo.of(en("Question?"), new BigDecimal(points));
    }

    static ItemInfo allOrNothing(String points) {
        return worth(points).withScoringMode(ScoringMode.ALL_OR_NOTHING);
    }

    static Option option(String id) {
        return Option.of(id, en("Option " + id));
    }

    /** An option whose feedback is "Feedback on {id}". */
    static Option withFeedback(String id) {
        return new Option(id, en("Option " + id), en("Feedback on " + id));
    }

    static List<Option> options(String... ids) {
        return Arrays.stream(ids).map(AssessmentFixtures::option).toList();
    }

    /** Asserts the exact points (written with four decimals, as scores are kept) and the correctness. */
    static void assertScore(Score score, String points, Correctness correctness) {
        assertThat(score.points()).isEqualTo(new BigDecimal(points));
        assertThat(score.correctness()).isEqualTo(correctness);
    }
}
