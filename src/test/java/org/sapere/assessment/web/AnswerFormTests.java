package org.sapere.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sapere.assessment.web.QuizFixtures.essay;
import static org.sapere.assessment.web.QuizFixtures.fillInTheBlanks;
import static org.sapere.assessment.web.QuizFixtures.matching;
import static org.sapere.assessment.web.QuizFixtures.multipleResponse;
import static org.sapere.assessment.web.QuizFixtures.numeric;
import static org.sapere.assessment.web.QuizFixtures.ordering;
import static org.sapere.assessment.web.QuizFixtures.shortText;
import static org.sapere.assessment.web.QuizFixtures.singleChoice;
import static org.sapere.assessment.web.QuizFixtures.trueFalse;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.domain.Correctness;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.Response;
import org.sapere.assessment.domain.Scoring;

/** The answer form's fields become the domain's responses, whatever the form sends. */
class AnswerFormTests {

    private static final Response UNANSWERED = new Response.Unanswered();

    private static Map<String, List<String>> fields(String... nameValue) {
        var fields = new LinkedHashMap<String, List<String>>();
        for (int i = 0; i < nameValue.length; i += 2) {
            fields.computeIfAbsent(nameValue[i], k -> new java.util.ArrayList<>())
                    .add(nameValue[i + 1]);
        }
        return fields;
    }

    @Test
    void fieldsAreNamedByPosition() {
        assertThat(AnswerForm.name(3, "")).isEqualTo("q3");
        assertThat(AnswerForm.name(3, "rank.X")).isEqualTo("q3.rank.X");
        assertThat(AnswerForm.name(12, "pair.L1")).isEqualTo("q12.pair.L1");
    }

    @Test
    void anItemsFieldsAreTakenFromTheWholeFormRelativeToItsPosition() {
        var form = fields(
                "_csrf", "token",
                "q3", "A",
                "q3", "B",
                "q3.city", "Paris",
                "q3.rank.s1", "2",
                "q30", "other item",
                "q30.city", "other item",
                "q3x", "not an item",
                "q4", "next item");
        assertThat(AnswerForm.fieldsFor(3, form))
                .containsExactly(
                        Map.entry("", List.of("A", "B")),
                        Map.entry("city", List.of("Paris")),
                        Map.entry("rank.s1", List.of("2")));
        assertThat(AnswerForm.fieldsFor(30, form)).containsOnlyKeys("", "city");
        assertThat(AnswerForm.fieldsFor(5, form)).isEmpty();
    }

    @Test
    void singleChoiceTakesTheFirstKnownOption() {
        var item = singleChoice(false);
        assertThat(AnswerForm.response(item, fields("", "B"))).isEqualTo(new Response.SingleChoice("B"));
        assertThat(AnswerForm.response(item, fields("", "Z", "", "C"))).isEqualTo(new Response.SingleChoice("C"));
        assertThat(AnswerForm.response(item, fields("", "Z"))).isEqualTo(UNANSWERED);
        assertThat(AnswerForm.response(item, fields("", ""))).isEqualTo(UNANSWERED);
        assertThat(AnswerForm.response(item, Map.of())).isEqualTo(UNANSWERED);
    }

    @Test
    void multipleResponseTakesEveryKnownOptionOnce() {
        var item = multipleResponse(false);
        assertThat(AnswerForm.response(item, fields("", "A", "", "C", "", "A", "", "Z", "other", "B")))
                .isEqualTo(new Response.MultipleResponse(Set.of("A", "C")));
        assertThat(AnswerForm.response(item, fields("", "Z"))).isEqualTo(UNANSWERED);
        assertThat(AnswerForm.response(item, Map.of())).isEqualTo(UNANSWERED);
    }

    @Test
    void trueFalseTakesTrueOrFalseOnly() {
        var item = trueFalse(false);
        assertThat(AnswerForm.response(item, fields("", "true"))).isEqualTo(new Response.TrueFalse(true));
        assertThat(AnswerForm.response(item, fields("", "false"))).isEqualTo(new Response.TrueFalse(false));
        assertThat(AnswerForm.response(item, fields("", "TRUE"))).isEqualTo(UNANSWERED);
        assertThat(AnswerForm.response(item, fields("", "maybe"))).isEqualTo(UNANSWERED);
        assertThat(AnswerForm.response(item, Map.of())).isEqualTo(UNANSWERED);
    }

    @Test
    void typedAnswersAreKeptAsTypedAndCut() {
        assertThat(AnswerForm.response(numeric(false), fields("", " 31415,93 zebrons ")))
                .isEqualTo(new Response.Numeric(" 31415,93 zebrons "));
        assertThat(AnswerForm.response(numeric(false), fields("", "   "))).isEqualTo(UNANSWERED);
        assertThat(AnswerForm.response(shortText(false), fields("", "Paris")))
                .isEqualTo(new Response.ShortText("Paris"));
        assertThat(AnswerForm.response(shortText(false), fields("", ""))).isEqualTo(UNANSWERED);
        var longText = "a".repeat(5_000);
        assertThat(((Response.ShortText) AnswerForm.response(shortText(false), fields("", longText))).typed())
                .hasSize(AnswerForm.MAX_TEXT);
        assertThat(((Response.Numeric) AnswerForm.response(numeric(false), fields("", longText))).typed())
                .hasSize(AnswerForm.MAX_TEXT);
    }

    @Test
    void essaysAreKeptUpToTwentyThousandCharacters() {
        var text = "word ".repeat(3_000);
        assertThat(AnswerForm.response(essay(false), fields("", text))).isEqualTo(new Response.Essay(text));
        var tooLong = "x".repeat(25_000);
        assertThat(((Response.Essay) AnswerForm.response(essay(false), fields("", tooLong))).text())
                .hasSize(AnswerForm.MAX_ESSAY);
        assertThat(AnswerForm.response(essay(false), fields("", "\n\n "))).isEqualTo(UNANSWERED);
    }

    @Test
    void cuttingNeverSplitsACharacter() {
        var text = "a".repeat(AnswerForm.MAX_TEXT - 1) + "😀";
        var typed = ((Response.ShortText) AnswerForm.response(shortText(false), fields("", text))).typed();
        assertThat(typed).hasSize(AnswerForm.MAX_TEXT - 1).doesNotContain("\uD83D");
    }

    @Test
    void gapsTakeWhatWasFilledInAndKnownChoices() {
        var item = fillInTheBlanks(false);
        assertThat(AnswerForm.response(
                        item, fields("city", "Paris", "people", "2,1e6", "colour", "blue", "other", "x")))
                .isEqualTo(new Response.FillInTheBlanks(Map.of("city", "Paris", "people", "2,1e6", "colour", "blue")));
        // Partly filled: the blank and the unknown choice are left out.
        assertThat(AnswerForm.response(item, fields("city", "Paris", "people", " ", "colour", "purple")))
                .isEqualTo(new Response.FillInTheBlanks(Map.of("city", "Paris")));
        assertThat(AnswerForm.response(item, fields("city", "", "colour", ""))).isEqualTo(UNANSWERED);
        assertThat(AnswerForm.response(item, Map.of())).isEqualTo(UNANSWERED);
    }

    @Test
    void orderingSortsTheThingsByTheirPositions() {
        var item = ordering(false);
        var response = AnswerForm.response(
                item, fields("rank.s3", "1", "rank.s1", "2", "rank.s5", "3", "rank.s2", "4", "rank.s4", "5"));
        assertThat(response).isEqualTo(new Response.Ordering(List.of("s3", "s1", "s5", "s2", "s4")));
        var right = AnswerForm.response(
                item, fields("rank.s1", "1", "rank.s2", "2", "rank.s3", "3", "rank.s4", "4", "rank.s5", "5"));
        assertThat(Scoring.score(item, right).correctness()).isEqualTo(Correctness.CORRECT);
    }

    @Test
    void tiedMissingOrInvalidPositionsGiveAnOrderThatScoresNothing() {
        var item = ordering(false);
        var tied = fields("rank.s1", "1", "rank.s2", "1", "rank.s3", "3", "rank.s4", "4", "rank.s5", "5");
        var missing = fields("rank.s1", "1", "rank.s2", "2", "rank.s3", "3", "rank.s4", "4");
        var outOfRange = fields("rank.s1", "1", "rank.s2", "2", "rank.s3", "3", "rank.s4", "4", "rank.s5", "6");
        var notANumber = fields("rank.s1", "1", "rank.s2", "2", "rank.s3", "3", "rank.s4", "4", "rank.s5", "five");
        var huge = fields("rank.s1", "1", "rank.s2", "2", "rank.s3", "3", "rank.s4", "4", "rank.s5", "99999999999");
        for (var form : List.of(tied, missing, outOfRange, notANumber, huge)) {
            var score = Scoring.score(item, AnswerForm.response(item, form));
            assertThat(score.points()).as("%s", form).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(score.feedback())
                    .as("%s", form)
                    .singleElement()
                    .extracting(f -> f.reason())
                    .isEqualTo("assessment.feedback.notAPermutation");
        }
        assertThat(AnswerForm.response(item, tied)).isEqualTo(new Response.Ordering(List.of("s1", "s3", "s4", "s5")));
    }

    @Test
    void orderingIgnoresUnknownThingsAndIsUnansweredWhenNothingIsGiven() {
        var item = ordering(false);
        assertThat(AnswerForm.response(item, fields("rank.zz", "1", "rank.s1", "")))
                .isEqualTo(UNANSWERED);
        assertThat(AnswerForm.response(item, Map.of())).isEqualTo(UNANSWERED);
    }

    @Test
    void matchingTakesKnownPairsOnly() {
        var item = matching(false);
        assertThat(AnswerForm.response(
                        item,
                        fields("pair.L1", "R1", "pair.L2", "", "pair.L3", "R9", "pair.L9", "R2", "pair.R1", "R1")))
                .isEqualTo(new Response.Matching(Map.of("L1", "R1")));
        assertThat(AnswerForm.response(item, fields("pair.L1", "R3", "pair.L2", "R3")))
                .isEqualTo(new Response.Matching(Map.of("L1", "R3", "L2", "R3")));
        assertThat(AnswerForm.response(item, fields("pair.L1", ""))).isEqualTo(UNANSWERED);
        assertThat(AnswerForm.response(item, Map.of())).isEqualTo(UNANSWERED);
    }

    @Test
    void theRightAnswerThroughTheFormEarnsEveryPoint() {
        var right = Map.<Item, Map<String, List<String>>>of(
                singleChoice(false), fields("", "B"),
                multipleResponse(false), fields("", "A", "", "C"),
                trueFalse(false), fields("", "true"),
                numeric(false), fields("", "31415,93 zebrons"),
                shortText(false), fields("", "zebra-answer"),
                fillInTheBlanks(false),
                        fields("city", "ZEBRA-GAP-ANSWER", "people", "31415.9 zebrons", "colour", "blue"),
                matching(false), fields("pair.L1", "R1", "pair.L2", "R2", "pair.L3", "R3"));
        right.forEach((item, form) -> assertThat(
                        Scoring.score(item, AnswerForm.response(item, form)).correctness())
                .as(AskedItem.typeName(item))
                .isEqualTo(Correctness.CORRECT));
        assertThat(Scoring.score(essay(false), AnswerForm.response(essay(false), fields("", "An essay.")))
                        .correctness())
                .isEqualTo(Correctness.PENDING);
    }

    @Test
    void aWholeQuizFormGivesEachItemItsResponse() {
        var form = fields("q1", "B", "q2.city", "Paris", "q2.colour", "red");
        assertThat(AnswerForm.response(singleChoice(false), AnswerForm.fieldsFor(1, form)))
                .isEqualTo(new Response.SingleChoice("B"));
        assertThat(AnswerForm.response(fillInTheBlanks(false), AnswerForm.fieldsFor(2, form)))
                .isEqualTo(new Response.FillInTheBlanks(Map.of("city", "Paris", "colour", "red")));
        assertThat(AnswerForm.response(fillInTheBlanks(false), AnswerForm.fieldsFor(1, form)))
                .isEqualTo(UNANSWERED);
    }

    @Test
    void theSavedFieldsFillInTheForm() {
        var saved = fields("", "A", "", "C", "city", "Paris");
        assertThat(AnswerForm.value(saved, "city")).isEqualTo("Paris");
        assertThat(AnswerForm.value(saved, "people")).isEmpty();
        assertThat(AnswerForm.holds(saved, "", "C")).isTrue();
        assertThat(AnswerForm.holds(saved, "", "B")).isFalse();
        assertThat(AnswerForm.holds(saved, "rank.s1", "1")).isFalse();
    }
}
