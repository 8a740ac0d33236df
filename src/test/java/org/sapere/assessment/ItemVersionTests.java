package org.sapere.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sapere.assessment.AssessmentFixtures.en;
import static org.sapere.assessment.AssessmentFixtures.options;
import static org.sapere.assessment.AssessmentFixtures.worth;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.Ordering;
import org.sapere.assessment.domain.ScoringMode;
import org.sapere.assessment.domain.ShortText;
import org.sapere.assessment.domain.SingleChoice;
import org.sapere.assessment.domain.TextAnswer.Literal;
import org.sapere.assessment.domain.TrueFalse;

/** An edited item is a new version of the same item; the version a learner answered stays as it was. */
class ItemVersionTests {

    @Test
    void theNextVersionKeepsTheIdAndContent() {
        Item first = new SingleChoice(worth("1"), options("A", "B"), "A");
        var second = first.nextVersion();
        assertThat(second).isInstanceOf(SingleChoice.class);
        assertThat(second.info().id()).isEqualTo(first.info().id());
        assertThat(second.info().version()).isEqualTo(2);
        assertThat(((SingleChoice) second).options()).isEqualTo(((SingleChoice) first).options());
        assertThat(first.info().version()).isEqualTo(1);
        assertThat(second.nextVersion().info().version()).isEqualTo(3);
    }

    @Test
    void changingCommonFieldsKeepsTheTypeAndItsContent() {
        var item = new ShortText(worth("1"), List.of(Literal.of("Rome")));
        var edited = item.withInfo(item.info().nextVersion().withPoints(new BigDecimal("2")));
        assertThat(edited.accepted()).isEqualTo(item.accepted());
        assertThat(edited.info().points()).isEqualTo(new BigDecimal("2.0000"));
        assertThat(edited.info().version()).isEqualTo(2);
        var strict = new Ordering(worth("1"), options("A", "B"))
                .withInfo(worth("1").withScoringMode(ScoringMode.ALL_OR_NOTHING));
        assertThat(strict.info().scoringMode()).isEqualTo(ScoringMode.ALL_OR_NOTHING);
    }

    @Test
    void itemsAreValuesSoEqualContentIsEqual() {
        var info = worth("1");
        assertThat(new TrueFalse(info, true, en("Yes"), null)).isEqualTo(new TrueFalse(info, true, en("Yes"), null));
        assertThat(new TrueFalse(info, true, null, null))
                .isNotEqualTo(new TrueFalse(info.nextVersion(), true, null, null));
    }
}
