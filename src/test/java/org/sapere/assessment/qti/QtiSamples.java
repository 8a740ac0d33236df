package org.sapere.assessment.qti;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.sapere.assessment.domain.Difficulty;
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

/** Rich items of every type, with every optional field set somewhere, for the QTI tests. */
final class QtiSamples {

    private QtiSamples() {}

    static LocalizedText en(String text) {
        return LocalizedText.of("en", text);
    }

    static ItemInfo info(String stem, String points, ScoringMode mode) {
        return new ItemInfo(
                UUID.randomUUID(),
                3,
                en(stem),
                en("Because **Rome** became the capital in 1871.\n\nSee [the history](https://example.org)."),
                List.of(en("Think of the *Colosseum*."), en("It is on the Tiber & < Milan.")),
                new BigDecimal(points),
                List.of("geography", "europe capitals"),
                List.of("recall"),
                Difficulty.MEDIUM,
                mode);
    }

    static Option option(String id, String text, String feedback) {
        return new Option(id, en(text), feedback == null ? null : en(feedback));
    }

    static List<Item> items() {
        var choices = List.of(
                option("A", "Milan", "No: Milan is the *economic* capital."),
                option("B", "Rome", "Yes!"),
                option("C", "Turin <first capital>", null),
                new Option("D", en("Naples"), null));
        var rubric = new Rubric(List.of(
                new Rubric.Criterion(
                        "argument",
                        en("Argument"),
                        List.of(
                                new Rubric.Level("strong", en("Clear & convincing"), new BigDecimal("3")),
                                new Rubric.Level("weak", en("Some reasoning"), new BigDecimal("1.5")),
                                new Rubric.Level("missing", en("None"), BigDecimal.ZERO))),
                new Rubric.Criterion(
                        "sources",
                        en("Sources"),
                        List.of(
                                new Rubric.Level("cited", en("Cited properly"), new BigDecimal("2")),
                                new Rubric.Level("none", en("Not cited"), BigDecimal.ZERO)))));
        var numeric = new NumericAnswer(
                new BigDecimal("9.80665"),
                new BigDecimal("0.05"),
                new BigDecimal("1.5"),
                3,
                new NumericAnswer.Unit(List.of("m/s²", "m s^-2"), true));
        var gapText = "The capital of {{country}} is {{city}}.\n\n"
                + "It was founded in {{year}} BC,  more or less.\n\n\nMarkdown *stays* <as is> & so on.";
        return List.of(
                new SingleChoice(
                        info("Which city is the capital of Italy?\n\nPick **one**.", "2", ScoringMode.PARTIAL),
                        choices,
                        "B"),
                new MultipleResponse(
                        info("Which of these are in Italy?", "3", ScoringMode.PARTIAL), choices, Set.of("A", "B", "C")),
                new MultipleResponse(
                        info("Which of these are in Italy (all of them)?", "1.5", ScoringMode.ALL_OR_NOTHING),
                        choices,
                        Set.of("A", "B")),
                new TrueFalse(
                        info("Rome is the capital of Italy.", "1", ScoringMode.PARTIAL), true, en("Right."), null),
                new TrueFalse(
                        info("Milan is the capital of Italy.", "1", ScoringMode.PARTIAL), false, null, en("Indeed.")),
                new Numeric(info("What is *g* near the surface?", "2.5", ScoringMode.PARTIAL), numeric),
                new Numeric(
                        ItemInfo.of(en("How many regions has Italy?"), BigDecimal.ONE),
                        NumericAnswer.exactly(new BigDecimal("20"))),
                new ShortText(
                        info("Name the river of Rome.", "1", ScoringMode.PARTIAL),
                        List.of(
                                TextAnswer.Literal.of("Tiber"),
                                new TextAnswer.Literal("Tevere", true, false),
                                new TextAnswer.Literal("  the  Tiber ", false, false),
                                new TextAnswer.Regex("(the )?Tib(er|re)", false),
                                new TextAnswer.Regex("TEVERE|Tevere", true))),
                new ShortText(
                        ItemInfo.of(en("A word matching a pattern only"), BigDecimal.ONE),
                        List.of(new TextAnswer.Regex("[a-z]+", true))),
                new Essay(info("Discuss the unification of Italy.", "4", ScoringMode.PARTIAL), rubric, 150, 600),
                new Essay(ItemInfo.of(en("Write freely."), new BigDecimal("5")), rubric, null, null),
                new Ordering(
                        info("Order these by founding date.", "3", ScoringMode.PARTIAL),
                        List.of(
                                option("rome", "Rome", "Oldest."),
                                option("florence", "Florence", null),
                                option("turin", "Turin", null))),
                new Ordering(
                        info("Order these, all or nothing.", "1", ScoringMode.ALL_OR_NOTHING),
                        List.of(option("a", "First", null), option("b", "Second", null))),
                new Matching(
                        info("Match each country to its capital.", "2", ScoringMode.PARTIAL),
                        List.of(option("it", "Italy", "Think of the Tiber."), option("fr", "France", null)),
                        List.of(
                                option("rome", "Rome", null),
                                option("paris", "Paris", null),
                                option("lyon", "Lyon", null)),
                        Map.of("it", "rome", "fr", "paris"),
                        false),
                new Matching(
                        info("Match each city to its country (reusable).", "3", ScoringMode.ALL_OR_NOTHING),
                        List.of(
                                option("milan", "Milan", null),
                                option("rome", "Rome", null),
                                option("lyon", "Lyon", null)),
                        List.of(option("it", "Italy", null), option("fr", "France", null)),
                        Map.of("milan", "it", "rome", "it", "lyon", "fr"),
                        true),
                new FillInTheBlanks(
                        info("Complete the text.", "3", ScoringMode.PARTIAL),
                        en(gapText),
                        List.of(
                                new Gap.InlineChoice(
                                        "country",
                                        List.of(option("italy", "Italy", "Yes."), option("spain", "Spain", "No.")),
                                        "italy"),
                                new Gap.Text(
                                        "city",
                                        List.of(TextAnswer.Literal.of("Rome"), new TextAnswer.Regex("R(o|u)ma", true))),
                                new Gap.Numeric(
                                        "year",
                                        NumericAnswer.exactly(new BigDecimal("753"))
                                                .withAbsoluteTolerance(new BigDecimal("1"))))),
                new FillInTheBlanks(
                        info("One gap, all or nothing.", "1", ScoringMode.ALL_OR_NOTHING),
                        en("Two plus two is {{sum}}."),
                        List.of(new Gap.Numeric("sum", NumericAnswer.exactly(new BigDecimal("4"))))));
    }
}
