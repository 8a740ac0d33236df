package org.sapere.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sapere.assessment.AssessmentFixtures.en;
import static org.sapere.assessment.AssessmentFixtures.option;
import static org.sapere.assessment.AssessmentFixtures.options;
import static org.sapere.assessment.AssessmentFixtures.worth;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.domain.Essay;
import org.sapere.assessment.domain.FillInTheBlanks;
import org.sapere.assessment.domain.Gap;
import org.sapere.assessment.domain.InvalidItemException;
import org.sapere.assessment.domain.ItemInfo;
import org.sapere.assessment.domain.Matching;
import org.sapere.assessment.domain.MultipleResponse;
import org.sapere.assessment.domain.NumericAnswer;
import org.sapere.assessment.domain.NumericAnswer.Unit;
import org.sapere.assessment.domain.Option;
import org.sapere.assessment.domain.Ordering;
import org.sapere.assessment.domain.Rubric;
import org.sapere.assessment.domain.Rubric.Criterion;
import org.sapere.assessment.domain.Rubric.Level;
import org.sapere.assessment.domain.ScoringMode;
import org.sapere.assessment.domain.ShortText;
import org.sapere.assessment.domain.SingleChoice;
import org.sapere.assessment.domain.TextAnswer.Literal;
import org.sapere.assessment.domain.TextAnswer.Regex;
import org.sapere.shared.LocalizedText;

/** Items refuse, when built, what could not be asked or scored, naming the rule and what broke it. */
class ItemValidationTests {

    private static void assertInvalid(ThrowingCallable build, String messageKey, Object argument) {
        assertThatThrownBy(build).isInstanceOfSatisfying(InvalidItemException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(messageKey);
            assertThat(e.argument()).isEqualTo(argument);
        });
    }

    private static ItemInfo info(int version, String points, LocalizedText stem) {
        return new ItemInfo(
                UUID.randomUUID(),
                version,
                stem,
                null,
                List.of(),
                new BigDecimal(points),
                List.of(),
                List.of(),
                null,
                ScoringMode.PARTIAL);
    }

    private static Level level(String id, String points) {
        return new Level(id, en(id), new BigDecimal(points));
    }

    private static Rubric rubric(String... points) {
        var criteria = new java.util.ArrayList<Criterion>();
        for (int i = 0; i < points.length; i++) {
            criteria.add(new Criterion("c" + i, en("Criterion"), List.of(level("top", points[i]), level("none", "0"))));
        }
        return new Rubric(criteria);
    }

    @Test
    void pointsArePositiveWithAtMostFourDecimals() {
        assertInvalid(() -> worth("0"), "assessment.item.pointsNotPositive", BigDecimal.ZERO);
        assertInvalid(() -> worth("-1"), "assessment.item.pointsNotPositive", new BigDecimal("-1"));
        assertInvalid(() -> worth("0.00001"), "assessment.item.pointsTooPrecise", new BigDecimal("0.00001"));
        assertThat(worth("0.0001").points()).isEqualTo(new BigDecimal("0.0001"));
        // Kept at four decimals, so 1 and 1.0 make equal items.
        assertThat(worth("1").points()).isEqualTo(new BigDecimal("1.0000"));
    }

    @Test
    void versionsStartAtOne() {
        assertInvalid(() -> info(0, "1", en("Question?")), "assessment.item.versionNotPositive", 0);
    }

    @Test
    void theStemIsNotBlankInAnyLanguage() {
        var variants = new LinkedHashMap<String, String>();
        variants.put("en", "Question?");
        variants.put("it", " ");
        assertInvalid(() -> info(1, "1", new LocalizedText(variants)), "assessment.item.blankStem", "en");
    }

    @Test
    void tagsAndSkillsAreTrimmedWithoutBlanksOrRepeats() {
        var info = new ItemInfo(
                UUID.randomUUID(),
                1,
                en("Question?"),
                null,
                List.of(en("Think of Rome.")),
                BigDecimal.ONE,
                List.of(" geography ", "europe", "", "geography"),
                List.of("recall", " recall"),
                null,
                ScoringMode.PARTIAL);
        assertThat(info.tags()).containsExactly("geography", "europe");
        assertThat(info.skills()).containsExactly("recall");
    }

    @Test
    void optionIdsAreShortAndSafe() {
        assertInvalid(() -> option(""), "assessment.item.invalidId", "");
        assertInvalid(() -> option("a b"), "assessment.item.invalidId", "a b");
        assertInvalid(() -> option("{{x}}"), "assessment.item.invalidId", "{{x}}");
        assertInvalid(() -> option("x".repeat(65)), "assessment.item.invalidId", "x".repeat(65));
        assertThatCode(() -> option(UUID.randomUUID().toString())).doesNotThrowAnyException();
    }

    @Test
    void singleChoiceHasTwoOptionsWithUniqueIdsAndOneCorrect() {
        assertInvalid(() -> new SingleChoice(worth("1"), options("A"), "A"), "assessment.item.tooFewOptions", 1);
        assertInvalid(
                () -> new SingleChoice(worth("1"), options("A", "B", "A"), "A"), "assessment.item.duplicateId", "A");
        assertInvalid(() -> new SingleChoice(worth("1"), options("A", "B"), ""), "assessment.item.noCorrectOption", 2);
        assertInvalid(() -> new SingleChoice(worth("1"), options("A", "B"), "C"), "assessment.item.unknownOption", "C");
    }

    @Test
    void multipleResponseHasAtLeastOneCorrectOptionOfItsOwn() {
        assertInvalid(
                () -> new MultipleResponse(worth("1"), options("A", "B"), Set.of()),
                "assessment.item.noCorrectOption",
                2);
        assertInvalid(
                () -> new MultipleResponse(worth("1"), options("A", "B"), Set.of("A", "Z")),
                "assessment.item.unknownOption",
                "Z");
        assertInvalid(
                () -> new MultipleResponse(worth("1"), options("A"), Set.of("A")), "assessment.item.tooFewOptions", 1);
    }

    @Test
    void numericTolerancesAreNotNegativeAndFiguresAreSensible() {
        var value = NumericAnswer.exactly(BigDecimal.TEN);
        assertInvalid(
                () -> value.withAbsoluteTolerance(new BigDecimal("-0.1")),
                "assessment.item.negativeTolerance",
                new BigDecimal("-0.1"));
        assertInvalid(
                () -> value.withRelativeTolerance(new BigDecimal("-5")),
                "assessment.item.negativeTolerance",
                new BigDecimal("-5"));
        assertInvalid(() -> value.withSignificantFigures(0), "assessment.item.significantFiguresOutOfRange", 0);
        assertInvalid(
                () -> NumericAnswer.exactly(new BigDecimal("1e-5000")),
                "assessment.item.numberOutOfRange",
                new BigDecimal("1e-5000"));
        assertThatCode(() -> value.withAbsoluteTolerance(BigDecimal.ZERO)).doesNotThrowAnyException();
    }

    @Test
    void aUnitHasAtLeastOneSpelling() {
        assertInvalid(() -> new Unit(List.of(), true), "assessment.item.noUnitSpelling", 0);
        assertInvalid(() -> new Unit(List.of("m", " "), true), "assessment.item.noUnitSpelling", 2);
        assertInvalid(() -> new Unit(List.of("1/s"), true), "assessment.item.invalidUnitSpelling", "1/s");
        assertThat(new Unit(List.of(" m ", "m", "m / s"), true).spellings()).containsExactly("m", "m / s");
    }

    @Test
    void shortTextAcceptsSomethingAndItsRegularExpressionsCompile() {
        assertInvalid(() -> new ShortText(worth("1"), List.of()), "assessment.item.noAcceptedAnswer", 0);
        assertInvalid(() -> Literal.of(" "), "assessment.item.blankAcceptedAnswer", " ");
        assertInvalid(() -> Literal.of("x".repeat(1001)), "assessment.item.acceptedAnswerTooLong", 1001);
        assertInvalid(() -> new Regex("colou(r", false), "assessment.item.invalidRegex", "colou(r");
        assertInvalid(() -> new Regex("", false), "assessment.item.regexLength", 0);
        assertInvalid(() -> new Regex("a".repeat(501), false), "assessment.item.regexLength", 501);
    }

    @Test
    void everyGapHasExactlyOneMarkerInEveryLanguage() {
        var city = new Gap.Text("city", List.of(Literal.of("Rome")));
        var country = new Gap.Text("country", List.of(Literal.of("Italy")));
        assertInvalid(() -> new FillInTheBlanks(worth("1"), en("No gaps"), List.of()), "assessment.item.noGaps", 0);
        assertInvalid(
                () -> new FillInTheBlanks(worth("1"), en("{{city}} is in Italy."), List.of(city, country)),
                "assessment.item.gapMarkerMissing",
                "country");
        assertInvalid(
                () -> new FillInTheBlanks(worth("1"), en("{{city}} is in {{region}}."), List.of(city)),
                "assessment.item.unknownGapMarker",
                "region");
        assertInvalid(
                () -> new FillInTheBlanks(worth("1"), en("{{city}}, {{city}}!"), List.of(city)),
                "assessment.item.gapMarkerRepeated",
                "city");
        assertInvalid(
                () -> new FillInTheBlanks(worth("1"), en("{{city}} {{city}}"), List.of(city, city)),
                "assessment.item.duplicateId",
                "city");

        var bothLanguages = new LinkedHashMap<String, String>();
        bothLanguages.put("en", "{{city}} is the capital of {{country}}.");
        bothLanguages.put("it", "{{country}} ha per capitale {{city}}.");
        assertThatCode(() -> new FillInTheBlanks(worth("1"), new LocalizedText(bothLanguages), List.of(city, country)))
                .doesNotThrowAnyException();
        var italianMissesOne = new LinkedHashMap<String, String>();
        italianMissesOne.put("en", "{{city}} is the capital of {{country}}.");
        italianMissesOne.put("it", "{{city}} è la capitale.");
        assertInvalid(
                () -> new FillInTheBlanks(worth("1"), new LocalizedText(italianMissesOne), List.of(city, country)),
                "assessment.item.gapMarkerMissing",
                "country");
    }

    @Test
    void gapsCheckTheirOwnAnswers() {
        assertInvalid(() -> new Gap.Text("a b", List.of(Literal.of("x"))), "assessment.item.invalidId", "a b");
        assertInvalid(() -> new Gap.Text("g", List.of()), "assessment.item.noAcceptedAnswer", 0);
        assertInvalid(() -> new Gap.InlineChoice("g", options("A", "B"), "C"), "assessment.item.unknownOption", "C");
        assertInvalid(() -> new Gap.InlineChoice("g", options("A"), "A"), "assessment.item.tooFewOptions", 1);
    }

    @Test
    void orderingHasAtLeastTwoDistinctItems() {
        assertInvalid(() -> new Ordering(worth("1"), options("A")), "assessment.item.tooFewItems", 1);
        assertInvalid(() -> new Ordering(worth("1"), options("A", "B", "A")), "assessment.item.duplicateId", "A");
    }

    @Test
    void matchingPairsEveryLeftWithARightOfItsOwn() {
        assertInvalid(
                () -> new Matching(worth("1"), options("a", "b"), options("x", "y"), Map.of("a", "x"), false),
                "assessment.item.unpairedLeft",
                "b");
        assertInvalid(
                () -> new Matching(worth("1"), options("a", "b"), options("x", "y"), Map.of("a", "x", "b", "z"), false),
                "assessment.item.unknownOption",
                "z");
        assertInvalid(
                () -> new Matching(worth("1"), options("a", "b"), options("x", "y"), Map.of("a", "x", "c", "y"), false),
                "assessment.item.unknownOption",
                "c");
        assertInvalid(
                () -> new Matching(worth("1"), options("a", "b"), options("x", "y"), Map.of("a", "x", "b", "x"), false),
                "assessment.item.rightReused",
                "x");
        assertThatCode(() -> new Matching(
                        worth("1"), options("a", "b"), options("x", "y"), Map.of("a", "x", "b", "x"), true))
                .doesNotThrowAnyException();
        assertInvalid(
                () -> new Matching(worth("1"), options("a", "b"), options("b", "y"), Map.of("a", "b", "b", "y"), false),
                "assessment.item.duplicateId",
                "b");
        assertInvalid(
                () -> new Matching(worth("1"), options("a", "b"), options("x"), Map.of("a", "x", "b", "x"), true),
                "assessment.item.tooFewOptions",
                1);
    }

    @Test
    void anEssaysRubricCanReachItsPoints() {
        assertInvalid(() -> new Rubric(List.of()), "assessment.item.noCriteria", 0);
        assertInvalid(() -> new Criterion("c", en("Criterion"), List.of()), "assessment.item.noLevels", "c");
        assertInvalid(() -> level("low", "-1"), "assessment.item.negativeLevelPoints", new BigDecimal("-1"));
        assertInvalid(
                () -> new Criterion("c", en("Criterion"), List.of(level("a", "1"), level("a", "0"))),
                "assessment.item.duplicateId",
                "a");
        assertInvalid(
                () -> new Essay(worth("5"), rubric("2", "2"), null, null),
                "assessment.item.rubricBelowPoints",
                new BigDecimal("4.0000"));
        assertThatCode(() -> new Essay(worth("4"), rubric("2", "2"), null, null))
                .doesNotThrowAnyException();
        assertThatCode(() -> new Essay(worth("4"), rubric("3", "2"), null, null))
                .doesNotThrowAnyException();
    }

    @Test
    void essayWordLimitsArePositiveAndInOrder() {
        assertInvalid(() -> new Essay(worth("1"), rubric("1"), 0, null), "assessment.item.wordLimitNotPositive", 0);
        assertInvalid(() -> new Essay(worth("1"), rubric("1"), 300, 200), "assessment.item.wordLimits", 300);
        assertThatCode(() -> new Essay(worth("1"), rubric("1"), 200, 200)).doesNotThrowAnyException();
    }

    @Test
    void optionFeedbackIsOptional() {
        assertThat(Option.of("A", en("Yes")).feedback()).isNull();
    }
}
