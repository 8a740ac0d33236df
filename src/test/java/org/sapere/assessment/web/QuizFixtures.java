package org.sapere.assessment.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.sapere.assessment.domain.Essay;
import org.sapere.assessment.domain.FillInTheBlanks;
import org.sapere.assessment.domain.Gap;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.ItemInfo;
import org.sapere.assessment.domain.Matching;
import org.sapere.assessment.domain.MultipleResponse;
import org.sapere.assessment.domain.Numeric;
import org.sapere.assessment.domain.NumericAnswer;
import org.sapere.assessment.domain.Option;
import org.sapere.assessment.domain.Ordering;
import org.sapere.assessment.domain.Rubric;
import org.sapere.assessment.domain.ScoringMode;
import org.sapere.assessment.domain.ShortText;
import org.sapere.assessment.domain.SingleChoice;
import org.sapere.assessment.domain.TextAnswer;
import org.sapere.assessment.domain.TrueFalse;
import org.sapere.shared.LocalizedText;

/**
 * Items of every type whose secrets (answers, feedback, explanation, rubric) are written with distinctive words, so a
 * test can search a rendered form for them: "ZEBRA" in texts, 31415 and 0.0271 in numbers, "zebrons" as a unit. A
 * twin of each item ({@code twin = true}) has the same id and the same visible content, and other secrets.
 */
final class QuizFixtures {

    /** What must never appear before submitting. */
    static final List<String> SECRETS = List.of("ZEBRA", "YAK", "31415", "27182", "0.0271", "0,0271", "zebron");

    private QuizFixtures() {}

    static LocalizedText en(String text) {
        return LocalizedText.of("en", text);
    }

    private static String secret(boolean twin) {
        return twin ? "YAK" : "ZEBRA";
    }

    static ItemInfo info(String type, boolean twin) {
        return new ItemInfo(
                UUID.nameUUIDFromBytes(type.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                1,
                en("What is asked in the " + type + " question?"),
                en(secret(twin) + "-EXPLANATION: because."),
                List.of(en("Think of *the* map.")),
                new BigDecimal("2"),
                List.of(),
                List.of(),
                null,
                ScoringMode.PARTIAL);
    }

    static Option option(String id, String text, boolean twin) {
        return new Option(id, en(text), en(secret(twin) + "-FEEDBACK-" + id));
    }

    static SingleChoice singleChoice(boolean twin) {
        return new SingleChoice(
                info("single", twin),
                List.of(
                        option("A", "Paris", twin),
                        option("B", "Rome", twin),
                        option("C", "Berlin", twin),
                        option("D", "Madrid", twin)),
                twin ? "C" : "B");
    }

    static MultipleResponse multipleResponse(boolean twin) {
        return new MultipleResponse(
                info("multiple", twin),
                List.of(
                        option("A", "Two", twin),
                        option("B", "Three", twin),
                        option("C", "Four", twin),
                        option("D", "Five", twin)),
                twin ? Set.of("B", "D") : Set.of("A", "C"));
    }

    static TrueFalse trueFalse(boolean twin) {
        return new TrueFalse(
                info("truefalse", twin),
                !twin,
                en(secret(twin) + "-TRUE-FEEDBACK"),
                en(secret(twin) + "-FALSE-FEEDBACK"));
    }

    static NumericAnswer number(boolean twin) {
        return new NumericAnswer(
                new BigDecimal(twin ? "27182.8182" : "31415.9265"),
                new BigDecimal("0.0271"),
                null,
                null,
                new NumericAnswer.Unit(List.of("zebrons", "zebron"), true));
    }

    static Numeric numeric(boolean twin) {
        return new Numeric(info("numeric", twin), number(twin));
    }

    static ShortText shortText(boolean twin) {
        return new ShortText(
                info("short", twin),
                List.of(
                        TextAnswer.Literal.of(secret(twin) + "-ANSWER"),
                        new TextAnswer.Regex(secret(twin) + "-REGEX.*", false)));
    }

    static FillInTheBlanks fillInTheBlanks(boolean twin) {
        return new FillInTheBlanks(
                info("blanks", twin),
                en("The capital of France is {{city}}.\n\nIts population is about {{people}} and its flag is"
                        + " {{colour}} among others."),
                List.of(
                        new Gap.Text("city", List.of(TextAnswer.Literal.of(secret(twin) + "-GAP-ANSWER"))),
                        new Gap.Numeric("people", number(twin)),
                        new Gap.InlineChoice(
                                "colour",
                                List.of(
                                        option("red", "red", twin),
                                        option("blue", "blue", twin),
                                        option("green", "green", twin)),
                                twin ? "red" : "blue")));
    }

    static Ordering ordering(boolean twin) {
        var items = List.of(
                option("s1", "Mercury", twin),
                option("s2", "Venus", twin),
                option("s3", "Earth", twin),
                option("s4", "Mars", twin),
                option("s5", "Jupiter", twin));
        return new Ordering(info("ordering", twin), twin ? items.reversed() : items);
    }

    static Matching matching(boolean twin) {
        var lefts = List.of(option("L1", "France", twin), option("L2", "Italy", twin), option("L3", "Spain", twin));
        var rights = List.of(
                Option.of("R1", en("Paris")),
                Option.of("R2", en("Rome")),
                Option.of("R3", en("Madrid")),
                Option.of("R4", en("Lyon")));
        var pairs = twin ? Map.of("L1", "R4", "L2", "R1", "L3", "R2") : Map.of("L1", "R1", "L2", "R2", "L3", "R3");
        return new Matching(info("matching", twin), lefts, rights, pairs, false);
    }

    static Essay essay(boolean twin) {
        var rubric = new Rubric(List.of(new Rubric.Criterion(
                "argument",
                en(secret(twin) + "-CRITERION"),
                List.of(
                        new Rubric.Level("good", en(secret(twin) + "-LEVEL-GOOD"), new BigDecimal("2")),
                        new Rubric.Level("poor", en(secret(twin) + "-LEVEL-POOR"), BigDecimal.ZERO)))));
        return new Essay(info("essay", twin), rubric, 10, 200);
    }

    static List<Item> all(boolean twin) {
        return List.of(
                singleChoice(twin),
                multipleResponse(twin),
                trueFalse(twin),
                numeric(twin),
                shortText(twin),
                fillInTheBlanks(twin),
                ordering(twin),
                matching(twin),
                essay(twin));
    }
}
