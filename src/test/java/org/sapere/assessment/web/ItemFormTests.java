package org.sapere.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
import org.sapere.assessment.domain.TrueFalse;
import org.sapere.assessment.web.ItemForm.FieldError;
import org.sapere.assessment.web.ItemForm.Invalid;
import org.sapere.assessment.web.ItemForm.ItemInfoBase;
import org.sapere.assessment.web.ItemForm.Valid;
import org.sapere.shared.LocalizedText;

/** The author's form: every type from its fields and back, ids and translations across edits, errors on fields. */
class ItemFormTests {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000042");
    private static final ItemInfoBase NEW = new ItemInfoBase(ID, 1, "en", null);

    // --- helpers

    /** The empty form of the type with these fields filled in (name, value, name, value…). */
    private static Map<String, String> form(String type, String... nameValue) {
        var fields = ItemForm.emptyFields(type);
        for (int i = 0; i < nameValue.length; i += 2) {
            assertThat(fields).as("a field of %s", type).containsKey(nameValue[i]);
            fields.put(nameValue[i], nameValue[i + 1]);
        }
        return fields;
    }

    private static Item valid(String type, Map<String, String> fields, ItemInfoBase base) {
        var result = ItemForm.parse(type, fields, base);
        assertThat(result)
                .as("errors: %s", result instanceof Invalid i ? i.errors() : List.of())
                .isInstanceOf(Valid.class);
        return ((Valid) result).item();
    }

    private static Item valid(String type, Map<String, String> fields) {
        return valid(type, fields, NEW);
    }

    private static List<FieldError> errors(String type, Map<String, String> fields) {
        var result = ItemForm.parse(type, fields, NEW);
        assertThat(result).isInstanceOf(Invalid.class);
        var invalid = (Invalid) result;
        assertThat(invalid.fields()).isEqualTo(fields);
        return invalid.errors();
    }

    private static FieldError error(String field, String key, Object... args) {
        return new FieldError(field, key, List.of(args));
    }

    private static LocalizedText en(String text) {
        return LocalizedText.of("en", text);
    }

    private static LocalizedText enIt(String english, String italian) {
        var variants = new LinkedHashMap<String, String>();
        variants.put("en", english);
        variants.put("it", italian);
        return new LocalizedText(variants);
    }

    private static ItemInfo info(String stem, String points) {
        return new ItemInfo(
                ID,
                1,
                en(stem),
                null,
                List.of(),
                new BigDecimal(points),
                List.of(),
                List.of(),
                null,
                ScoringMode.PARTIAL);
    }

    private static List<String> ids(List<Option> options) {
        return options.stream().map(Option::id).toList();
    }

    // --- every type, from a filled form

    static Stream<Arguments> filledForms() {
        return Stream.of(
                Arguments.of(
                        "single-choice",
                        form(
                                "single-choice",
                                "stem",
                                "What is the **capital** of France?\n\nPick one.",
                                "options",
                                "* Paris | Yes, the capital since 987.\nLyon\nMarseille | No, it is a port.",
                                "points",
                                "2",
                                "explanation",
                                "Paris has been the capital since 987.",
                                "hints",
                                "Think of the Seine.\nThe Eiffel Tower is there.",
                                "difficulty",
                                "easy",
                                "tags",
                                "geography, europe",
                                "skills",
                                "recall"),
                        new SingleChoice(
                                new ItemInfo(
                                        ID,
                                        1,
                                        en("What is the **capital** of France?\n\nPick one."),
                                        en("Paris has been the capital since 987."),
                                        List.of(en("Think of the Seine."), en("The Eiffel Tower is there.")),
                                        new BigDecimal("2"),
                                        List.of("geography", "europe"),
                                        List.of("recall"),
                                        Difficulty.EASY,
                                        ScoringMode.PARTIAL),
                                List.of(
                                        new Option("A", en("Paris"), en("Yes, the capital since 987.")),
                                        Option.of("B", en("Lyon")),
                                        new Option("C", en("Marseille"), en("No, it is a port."))),
                                "A")),
                Arguments.of(
                        "multiple-response",
                        form(
                                "multiple-response",
                                "stem",
                                "Which are prime?",
                                "options",
                                "* 2\n* 3\n4\n\\*5* (starred)",
                                "points",
                                "1.5",
                                "scoring",
                                "all-or-nothing"),
                        new MultipleResponse(
                                info("Which are prime?", "1.5").withScoringMode(ScoringMode.ALL_OR_NOTHING),
                                List.of(
                                        Option.of("A", en("2")),
                                        Option.of("B", en("3")),
                                        Option.of("C", en("4")),
                                        Option.of("D", en("*5* (starred)"))),
                                Set.of("A", "B"))),
                Arguments.of(
                        "true-false",
                        form(
                                "true-false",
                                "stem",
                                "The Sun orbits the Earth.",
                                "answer",
                                "false",
                                "feedbackTrue",
                                "No: the Earth orbits the Sun.",
                                "feedbackFalse",
                                "Right."),
                        new TrueFalse(
                                info("The Sun orbits the Earth.", "1"),
                                false,
                                en("No: the Earth orbits the Sun."),
                                en("Right."))),
                Arguments.of(
                        "numeric",
                        form(
                                "numeric",
                                "stem",
                                "Acceleration due to gravity?",
                                "value",
                                "9.81",
                                "toleranceAbsolute",
                                "0.05",
                                "tolerancePercent",
                                "1",
                                "significantFigures",
                                "3",
                                "units",
                                "m/s², m s^-2",
                                "unitRequired",
                                "on"),
                        new Numeric(
                                info("Acceleration due to gravity?", "1"),
                                new NumericAnswer(
                                        new BigDecimal("9.81"),
                                        new BigDecimal("0.05"),
                                        new BigDecimal("1"),
                                        3,
                                        new Unit(List.of("m/s²", "m s^-2"), true)))),
                Arguments.of(
                        "short-text",
                        form(
                                "short-text",
                                "stem",
                                "The capital of Italy?",
                                "answers",
                                "Rome\nRoma (case)\n/Rom[ae]/\n/ROMA/ (case)\nSanta  Maria (case, spaces)\n\\/rome/"),
                        new ShortText(
                                info("The capital of Italy?", "1"),
                                List.of(
                                        Literal.of("Rome"),
                                        new Literal("Roma", true, true),
                                        new Regex("Rom[ae]", false),
                                        new Regex("ROMA", true),
                                        new Literal("Santa  Maria", true, false),
                                        Literal.of("/rome/")))),
                Arguments.of(
                        "fill-in-the-blanks",
                        form(
                                "fill-in-the-blanks",
                                "stem",
                                "Complete the sentence.",
                                "text",
                                "{{city}} is the capital of {{country}}, at {{lat}}° north; {{old}}.",
                                "gaps",
                                "city: Rome; Roma; /Rom[ae];?/ (case)\n"
                                        + "country: [*Italy | France # No, that is Paris. | Spain]\n"
                                        + "lat: = 41.9 ± 0.1 ± 1% (3 sf) [°, deg]?\n"
                                        + "old: a\\;b; \\=c",
                                "points",
                                "4"),
                        new FillInTheBlanks(
                                info("Complete the sentence.", "4"),
                                en("{{city}} is the capital of {{country}}, at {{lat}}° north; {{old}}."),
                                List.of(
                                        new Gap.Text(
                                                "city",
                                                List.of(
                                                        Literal.of("Rome"),
                                                        Literal.of("Roma"),
                                                        new Regex("Rom[ae];?", true))),
                                        new Gap.InlineChoice(
                                                "country",
                                                List.of(
                                                        Option.of("A", en("Italy")),
                                                        new Option("B", en("France"), en("No, that is Paris.")),
                                                        Option.of("C", en("Spain"))),
                                                "A"),
                                        new Gap.Numeric(
                                                "lat",
                                                new NumericAnswer(
                                                        new BigDecimal("41.9"),
                                                        new BigDecimal("0.1"),
                                                        new BigDecimal("1"),
                                                        3,
                                                        new Unit(List.of("°", "deg"), false))),
                                        new Gap.Text("old", List.of(Literal.of("a;b"), Literal.of("=c")))))),
                Arguments.of(
                        "ordering",
                        form(
                                "ordering",
                                "stem",
                                "Order by distance from the Sun.",
                                "items",
                                "Mercury\nVenus | The second.\nEarth"),
                        new Ordering(
                                info("Order by distance from the Sun.", "1"),
                                List.of(
                                        Option.of("A", en("Mercury")),
                                        new Option("B", en("Venus"), en("The second.")),
                                        Option.of("C", en("Earth"))))),
                Arguments.of(
                        "matching",
                        form(
                                "matching",
                                "stem",
                                "Match each country with its capital.",
                                "pairs",
                                "France = Paris | Since 987.\nItaly = Rome\nx \\= 2 = two\n= Madrid",
                                "reusable",
                                "on"),
                        new Matching(
                                info("Match each country with its capital.", "1"),
                                List.of(
                                        new Option("A", en("France"), en("Since 987.")),
                                        Option.of("B", en("Italy")),
                                        Option.of("C", en("x = 2"))),
                                List.of(
                                        Option.of("D", en("Paris")),
                                        Option.of("E", en("Rome")),
                                        Option.of("F", en("two")),
                                        Option.of("G", en("Madrid"))),
                                Map.of("A", "D", "B", "E", "C", "F"),
                                true)),
                Arguments.of(
                        "essay",
                        form(
                                "essay",
                                "stem",
                                "Discuss the causes of the First World War.",
                                "rubric",
                                "Argument: Strong = 3; Adequate = 1.5; Missing = 0\nSources\\: cited: Yes = 2; No = 0",
                                "minWords",
                                "200",
                                "maxWords",
                                "500",
                                "points",
                                "5"),
                        new Essay(
                                info("Discuss the causes of the First World War.", "5"),
                                new Rubric(List.of(
                                        new Criterion(
                                                "A",
                                                en("Argument"),
                                                List.of(
                                                        new Level("A", en("Strong"), new BigDecimal("3")),
                                                        new Level("B", en("Adequate"), new BigDecimal("1.5")),
                                                        new Level("C", en("Missing"), BigDecimal.ZERO))),
                                        new Criterion(
                                                "B",
                                                en("Sources: cited"),
                                                List.of(
                                                        new Level("A", en("Yes"), new BigDecimal("2")),
                                                        new Level("B", en("No"), BigDecimal.ZERO))))),
                                200,
                                500)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filledForms")
    void aFilledFormMakesItsItem(String type, Map<String, String> fields, Item expected) {
        var item = valid(type, fields);

        assertThat(item).isEqualTo(expected);
        assertThat(ItemForm.typeOf(item)).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filledForms")
    void theItemsFieldsAreTheFormsFields(String type, Map<String, String> fields, Item expected) {
        assertThat(ItemForm.fieldsOf(valid(type, fields), "en")).isEqualTo(fields);
        assertThat(ItemForm.fieldsOf(expected, "en").keySet()).containsExactlyElementsOf(ItemForm.fieldNames(type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filledForms")
    void savingAnItemUnchangedMakesTheSameItemAsItsNextVersion(String type, Map<String, String> fields, Item item) {
        var next = valid(type, ItemForm.fieldsOf(item, "en"), ItemInfoBase.nextVersionOf(item, "en"));

        assertThat(next).isEqualTo(item.nextVersion());
    }

    @Test
    void everyTypeHasItsFields() {
        assertThat(ItemForm.TYPES).hasSize(9).doesNotHaveDuplicates();
        for (var type : ItemForm.TYPES) {
            assertThat(ItemForm.fieldNames(type)).startsWith("stem").contains("points", "scoring", "tags");
            assertThat(ItemForm.emptyFields(type)).containsEntry("points", "1").containsEntry("scoring", "partial");
        }
        assertThatThrownBy(() -> ItemForm.parse("hotspot", Map.of(), NEW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textareaLineBreaksAndCommaDecimalsAreAccepted() {
        var item = (SingleChoice) valid(
                "single-choice",
                form(
                        "single-choice",
                        "stem",
                        "\r\nQuestion?\r\nSecond line.  ",
                        "options",
                        "* Yes\r\nNo\r\n\r\n",
                        "points",
                        "0,5"));

        assertThat(item.info().stem()).isEqualTo(en("Question?\nSecond line."));
        assertThat(ids(item.options())).containsExactly("A", "B");
        assertThat(item.info().points()).isEqualByComparingTo("0.5");
    }

    // --- ids and translations across versions

    @Test
    void optionIdsStayWithTheirTextWhenOptionsAreReorderedOrOneChanges() {
        var first = (SingleChoice)
                valid("single-choice", form("single-choice", "stem", "Q?", "options", "* Paris\nLyon\nMarseille"));
        assertThat(ids(first.options())).containsExactly("A", "B", "C");

        var reordered = (SingleChoice) valid(
                "single-choice",
                form("single-choice", "stem", "Q?", "options", "Marseille\n* Paris\nLyon"),
                ItemInfoBase.nextVersionOf(first, "en"));
        assertThat(ids(reordered.options())).containsExactly("C", "A", "B");
        assertThat(reordered.correct()).isEqualTo("A");
        assertThat(reordered.info().id()).isEqualTo(ID);
        assertThat(reordered.info().version()).isEqualTo(2);

        // Lyon becomes Nice: a different option, so a new id, never B again (B meant Lyon).
        var changed = (SingleChoice) valid(
                "single-choice",
                form("single-choice", "stem", "Q?", "options", "Marseille\n* Paris\nNice"),
                ItemInfoBase.nextVersionOf(reordered, "en"));
        assertThat(ids(changed.options())).containsExactly("C", "A", "D");
        var again = (SingleChoice) valid(
                "single-choice",
                form("single-choice", "stem", "Q?", "options", "Marseille\n* Paris\nNice\nLyon"),
                ItemInfoBase.nextVersionOf(changed, "en"));
        assertThat(ids(again.options())).containsExactly("C", "A", "D", "E");
    }

    @Test
    void newIdsFollowTheLastOneUsed() {
        assertThat(IdSequence.letters(0)).isEqualTo("A");
        assertThat(IdSequence.letters(25)).isEqualTo("Z");
        assertThat(IdSequence.letters(26)).isEqualTo("AA");
        assertThat(IdSequence.letters(27)).isEqualTo("AB");
        var ids = new IdSequence(List.of("A", "Z", "uuid-like-1"));
        assertThat(List.of(ids.next(), ids.next())).containsExactly("AA", "AB");
        assertThat(new IdSequence(List.of("x", "y")).next()).isEqualTo("A");
    }

    private static SingleChoice bilingual() {
        var info = new ItemInfo(
                ID,
                3,
                enIt("Capital of France?", "Capitale della Francia?"),
                enIt("Since 987.", "Dal 987."),
                List.of(enIt("A river city.", "Una città sul fiume.")),
                BigDecimal.ONE,
                List.of(),
                List.of(),
                null,
                ScoringMode.PARTIAL);
        return new SingleChoice(
                info,
                List.of(
                        new Option("A", enIt("Paris", "Parigi"), enIt("Yes.", "Sì.")),
                        Option.of("B", enIt("Lyon", "Lione")),
                        Option.of("C", enIt("Marseille", "Marsiglia"))),
                "A");
    }

    @Test
    void editingOneLanguageKeepsTheOthersWhereTheStructureIsTheSame() {
        var item = bilingual();
        var fields = ItemForm.fieldsOf(item, "en");
        fields.put("stem", "What is the capital of France?");
        fields.put("options", "* Paris | Yes.\nLyon\nNice");

        var edited = (SingleChoice) valid("single-choice", fields, ItemInfoBase.nextVersionOf(item, "en"));

        assertThat(edited.info().version()).isEqualTo(4);
        assertThat(edited.info().stem()).isEqualTo(enIt("What is the capital of France?", "Capitale della Francia?"));
        assertThat(edited.info().stem().originalLanguage()).isEqualTo("en");
        assertThat(edited.info().explanation()).isEqualTo(enIt("Since 987.", "Dal 987."));
        assertThat(edited.info().hints()).containsExactly(enIt("A river city.", "Una città sul fiume."));
        assertThat(edited.options())
                .containsExactly(
                        new Option("A", enIt("Paris", "Parigi"), enIt("Yes.", "Sì.")),
                        Option.of("B", enIt("Lyon", "Lione")),
                        Option.of("D", en("Nice")));
    }

    @Test
    void translatingReplacesOnlyThatLanguageAndKeepsIdsInPlace() {
        var item = bilingual();
        var fields = ItemForm.fieldsOf(item, "it");
        assertThat(fields).containsEntry("options", "* Parigi | Sì.\nLione\nMarsiglia");
        fields.put("options", "* Parigi | Esatto.\nLione\nMarsiglia (Francia)");
        fields.put("explanation", "");

        var edited = (SingleChoice) valid("single-choice", fields, ItemInfoBase.nextVersionOf(item, "it"));

        assertThat(edited.options())
                .containsExactly(
                        new Option("A", enIt("Paris", "Parigi"), enIt("Yes.", "Esatto.")),
                        Option.of("B", enIt("Lyon", "Lione")),
                        Option.of("C", enIt("Marseille", "Marsiglia (Francia)")));
        // A text left blank loses this language's variant only.
        assertThat(edited.info().explanation()).isEqualTo(en("Since 987."));
    }

    @Test
    void aTextShownInItsOriginalAndSavedUnchangedGainsNoTranslation() {
        var item = (SingleChoice) valid("single-choice", form("single-choice", "stem", "Q?", "options", "* Yes\nNo"));
        var fields = ItemForm.fieldsOf(item, "de");
        assertThat(fields).containsEntry("stem", "Q?");
        fields.put("options", "* Ja\nNo");

        var edited = (SingleChoice) valid("single-choice", fields, ItemInfoBase.nextVersionOf(item, "de"));

        assertThat(edited.info().stem()).isEqualTo(en("Q?"));
        var yes = new LinkedHashMap<String, String>();
        yes.put("en", "Yes");
        yes.put("de", "Ja");
        assertThat(edited.options()).containsExactly(Option.of("A", new LocalizedText(yes)), Option.of("B", en("No")));
    }

    @Test
    void gapTextsInOtherLanguagesAreKeptOnlyWhileTheyHaveTheSameGaps() {
        var text = enIt("{{city}} is in Italy.", "{{city}} è in Italia.");
        var item = new FillInTheBlanks(
                info("Complete.", "1"),
                text,
                List.of(new Gap.InlineChoice(
                        "city", List.of(Option.of("A", enIt("Rome", "Roma")), Option.of("B", en("Paris"))), "A")));
        var fields = ItemForm.fieldsOf(item, "en");
        assertThat(fields).containsEntry("gaps", "city: [*Rome | Paris]");
        fields.put("text", "{{city}} is the capital of Italy.");
        fields.put("gaps", "city: [*Rome | Paris | Milan]");

        var reworded = (FillInTheBlanks) valid("fill-in-the-blanks", fields, ItemInfoBase.nextVersionOf(item, "en"));
        assertThat(reworded.text()).isEqualTo(enIt("{{city}} is the capital of Italy.", "{{city}} è in Italia."));
        var city = (Gap.InlineChoice) reworded.gaps().getFirst();
        assertThat(city.options().getFirst()).isEqualTo(Option.of("A", enIt("Rome", "Roma")));
        assertThat(ids(city.options())).containsExactly("A", "B", "C");

        fields.put("text", "{{city}} is the capital of {{country}}.");
        fields.put("gaps", "city: [*Rome | Paris]\ncountry: Italy");
        var regapped = (FillInTheBlanks) valid("fill-in-the-blanks", fields, ItemInfoBase.nextVersionOf(item, "en"));
        assertThat(regapped.text()).isEqualTo(en("{{city}} is the capital of {{country}}."));
    }

    @Test
    void gapsAcceptTheirShorterSpellings() {
        var item = (FillInTheBlanks) valid(
                "fill-in-the-blanks",
                form(
                        "fill-in-the-blanks",
                        "stem",
                        "Q?",
                        "text",
                        "{{c}} {{n}} {{m}}",
                        "gaps",
                        "c: [ Rome , *Milan, Turin\\, Italy ]\nn: =1,5 +- 0,1\nm: = -2 +/- 5% [m]"));

        var choice = (Gap.InlineChoice) item.gaps().get(0);
        assertThat(choice.options())
                .extracting(o -> o.text().original())
                .containsExactly("Rome", "Milan", "Turin, Italy");
        assertThat(choice.correct()).isEqualTo("B");
        assertThat(((Gap.Numeric) item.gaps().get(1)).answer())
                .isEqualTo(NumericAnswer.exactly(new BigDecimal("1.5")).withAbsoluteTolerance(new BigDecimal("0.1")));
        assertThat(((Gap.Numeric) item.gaps().get(2)).answer())
                .isEqualTo(NumericAnswer.exactly(new BigDecimal("-2"))
                        .withRelativeTolerance(new BigDecimal("5"))
                        .withUnit(new Unit(List.of("m"), true)));
        assertThat(ItemForm.fieldsOf(item, "en"))
                .containsEntry("gaps", "c: [Rome | *Milan | Turin, Italy]\nn: = 1.5 ± 0.1\nm: = -2 ± 5% [m]");
    }

    @Test
    void rubricCriteriaAndLevelsKeepTheirIdsAndTranslations() {
        var item = new Essay(
                info("Discuss.", "3"),
                new Rubric(List.of(new Criterion(
                        "argument",
                        enIt("Argument", "Argomentazione"),
                        List.of(
                                new Level("strong", enIt("Strong", "Forte"), new BigDecimal("3")),
                                new Level("none", enIt("Missing", "Assente"), BigDecimal.ZERO))))),
                null,
                null);
        var fields = ItemForm.fieldsOf(item, "en");
        assertThat(fields).containsEntry("rubric", "Argument: Strong = 3; Missing = 0");
        fields.put("rubric", "Argument: Strong = 3; Weak = 1; Missing = 0\nStyle: Clear = 1; Unclear = 0");

        var edited = (Essay) valid("essay", fields, ItemInfoBase.nextVersionOf(item, "en"));

        var argument = edited.rubric().criteria().getFirst();
        assertThat(argument.id()).isEqualTo("argument");
        assertThat(argument.description()).isEqualTo(enIt("Argument", "Argomentazione"));
        assertThat(argument.levels()).extracting(Level::id).containsExactly("strong", "A", "none");
        assertThat(argument.levels().get(2).description()).isEqualTo(enIt("Missing", "Assente"));
        assertThat(edited.rubric().criteria().get(1).id()).isEqualTo("A");
    }

    @Test
    void switchingBetweenSingleChoiceAndMultipleResponseKeepsTheOptions() {
        var single = (SingleChoice) valid("single-choice", form("single-choice", "stem", "Q?", "options", "* Yes\nNo"));
        var fields = ItemForm.fieldsOf(single, "en");
        fields.put("options", "* Yes\n* No");

        var multiple = (MultipleResponse) valid("multiple-response", fields, ItemInfoBase.nextVersionOf(single, "en"));

        assertThat(multiple.options()).isEqualTo(single.options());
        assertThat(multiple.correct()).containsExactlyInAnyOrder("A", "B");
    }

    // --- errors, each on its field, never an exception

    @Test
    void aChoiceNeedsOneCorrectOption() {
        assertThat(errors("single-choice", form("single-choice", "stem", "Q?", "options", "Paris\nLyon\nNice")))
                .containsExactly(error("options", "assessment.item.noCorrectOption", 3));
        assertThat(errors("single-choice", form("single-choice", "stem", "Q?", "options", "* Paris\n* Lyon")))
                .containsExactly(error("options", "assessment.form.oneCorrectOption", 2));
        assertThat(errors("multiple-response", form("multiple-response", "stem", "Q?", "options", "Paris\nLyon")))
                .containsExactly(error("options", "assessment.item.noCorrectOption", 2));
        assertThat(errors("single-choice", form("single-choice", "stem", "Q?", "options", "* Paris")))
                .containsExactly(error("options", "assessment.item.tooFewOptions", 1));
        assertThat(errors("single-choice", form("single-choice", "stem", "Q?", "options", "* | Yes\nNo")))
                .containsExactly(error("options", "assessment.form.optionWithoutText", "* | Yes"));
    }

    @Test
    void pointsThatAreNotANumberAreReportedWithTheOtherErrors() {
        assertThat(errors(
                        "single-choice", form("single-choice", "stem", "", "options", "Paris\nLyon", "points", "abc")))
                .containsExactly(
                        error("points", "assessment.form.notANumber", "abc"),
                        error("options", "assessment.item.noCorrectOption", 2));
        assertThat(errors("single-choice", form("single-choice", "stem", "Q?", "options", "* A\nB", "points", "0")))
                .containsExactly(error("points", "assessment.item.pointsNotPositive", "0"));
        assertThat(errors("ordering", form("ordering", "stem", "Q?", "items", "A\nB", "points", "0.00001")))
                .containsExactly(error("points", "assessment.item.pointsTooPrecise", "0.00001"));
        assertThat(errors("ordering", form("ordering", "stem", " ", "items", "A\nB")))
                .containsExactly(error("stem", "assessment.item.blankStem", "en"));
        assertThat(errors("ordering", form("ordering", "stem", "Q?", "items", "A", "difficulty", "extreme")))
                .containsExactly(
                        error("difficulty", "assessment.form.invalidChoice", "extreme"),
                        error("items", "assessment.item.tooFewItems", 1));
    }

    @Test
    void numbersAreCheckedFieldByField() {
        assertThat(errors("numeric", form("numeric", "stem", "Q?", "value", "nine")))
                .containsExactly(error("value", "assessment.form.notANumber", "nine"));
        assertThat(errors("numeric", form("numeric", "stem", "Q?")))
                .containsExactly(error("value", "assessment.form.required"));
        assertThat(errors("numeric", form("numeric", "stem", "Q?", "value", "1", "toleranceAbsolute", "-0,1")))
                .containsExactly(error("toleranceAbsolute", "assessment.item.negativeTolerance", "-0.1"));
        assertThat(errors("numeric", form("numeric", "stem", "Q?", "value", "1", "tolerancePercent", "-5")))
                .containsExactly(error("tolerancePercent", "assessment.item.negativeTolerance", "-5"));
        assertThat(errors("numeric", form("numeric", "stem", "Q?", "value", "1", "significantFigures", "2.5")))
                .containsExactly(error("significantFigures", "assessment.form.notAWholeNumber", "2.5"));
        assertThat(errors("numeric", form("numeric", "stem", "Q?", "value", "1", "significantFigures", "0")))
                .containsExactly(error("significantFigures", "assessment.item.significantFiguresOutOfRange", 0));
        assertThat(errors("numeric", form("numeric", "stem", "Q?", "value", "1", "units", "1/s")))
                .containsExactly(error("units", "assessment.item.invalidUnitSpelling", "1/s"));
        assertThat(errors("numeric", form("numeric", "stem", "Q?", "value", "1", "unitRequired", "on")))
                .containsExactly(error("units", "assessment.item.noUnitSpelling", 0));
        assertThat(errors("numeric", form("numeric", "stem", "Q?", "value", "1e-5000")))
                .containsExactly(error("value", "assessment.form.notANumber", "1e-5000"));
    }

    @Test
    void aBadRegularExpressionIsReportedOnTheAnswers() {
        assertThat(errors("short-text", form("short-text", "stem", "Q?", "answers", "colour\n/colou(r/")))
                .containsExactly(error("answers", "assessment.item.invalidRegex", "colou(r"));
        assertThat(errors("short-text", form("short-text", "stem", "Q?", "answers", "")))
                .containsExactly(error("answers", "assessment.item.noAcceptedAnswer", 0));
        assertThat(errors("short-text", form("short-text", "stem", "Q?", "answers", "/x/ (spaces)")))
                .containsExactly(error("answers", "assessment.form.spacesOnRegex", "/x/ (spaces)"));
    }

    @Test
    void gapsAndTheirMarkersAreChecked() {
        assertThat(errors(
                        "fill-in-the-blanks",
                        form(
                                "fill-in-the-blanks",
                                "stem",
                                "Q?",
                                "text",
                                "{{city}} is in Italy.",
                                "gaps",
                                "city: Rome\ncountry: Italy")))
                .containsExactly(error("text", "assessment.item.gapMarkerMissing", "country"));
        assertThat(errors(
                        "fill-in-the-blanks",
                        form(
                                "fill-in-the-blanks",
                                "stem",
                                "Q?",
                                "text",
                                "{{city}} and {{sea}}.",
                                "gaps",
                                "city: Rome")))
                .containsExactly(error("text", "assessment.item.unknownGapMarker", "sea"));
        assertThat(errors(
                        "fill-in-the-blanks",
                        form(
                                "fill-in-the-blanks",
                                "stem",
                                "Q?",
                                "text",
                                "{{a}} {{b}} {{c}} {{d}} {{e}}",
                                "gaps",
                                "a Rome\nb: = nine\nc: [Rome | Milan]\nd: [*Rome | Milan\ne: /(/")))
                .containsExactly(
                        error("gaps", "assessment.form.gapSyntax", "a Rome"),
                        error("gaps", "assessment.form.numericGap", "b"),
                        error("gaps", "assessment.form.oneCorrectChoice", "c"),
                        error("gaps", "assessment.form.choiceGap", "d"),
                        error("gaps", "assessment.item.invalidRegex", "("));
        assertThat(errors(
                        "fill-in-the-blanks",
                        form(
                                "fill-in-the-blanks",
                                "stem",
                                "Q?",
                                "text",
                                "{{a}} {{b}}",
                                "gaps",
                                "a: = 1" + "0".repeat(100) + "\nb: = 1 ± 1 ± 2")))
                .containsExactly(
                        error("gaps", "assessment.form.numericGap", "a"),
                        error("gaps", "assessment.form.numericGap", "b"));
        assertThat(errors(
                        "fill-in-the-blanks",
                        form("fill-in-the-blanks", "stem", "Q?", "text", "{{my city}}", "gaps", "my city: Rome")))
                .containsExactly(error("gaps", "assessment.item.invalidId", "my city"));
        // A gap named like a choice's id is still named as the author wrote it.
        assertThat(errors(
                        "fill-in-the-blanks",
                        form("fill-in-the-blanks", "stem", "Q?", "text", "No gap.", "gaps", "A: [*x | y]")))
                .containsExactly(error("text", "assessment.item.gapMarkerMissing", "A"));
        assertThat(errors("fill-in-the-blanks", form("fill-in-the-blanks", "stem", "Q?", "gaps", "city: Rome")))
                .containsExactly(error("text", "assessment.form.required"));
    }

    @Test
    void pairsAreChecked() {
        assertThat(errors("matching", form("matching", "stem", "Q?", "pairs", "France = Paris\nItaly")))
                .containsExactly(error("pairs", "assessment.form.pairSyntax", "Italy"));
        assertThat(errors("matching", form("matching", "stem", "Q?", "pairs", "France = Paris\nItaly = Rome\n=")))
                .containsExactly(error("pairs", "assessment.form.pairSyntax", "="));
        // The right is named as the author wrote it, not by its generated id.
        assertThat(errors(
                        "matching",
                        form("matching", "stem", "Q?", "pairs", "France = Paris\nIle-de-France = Paris\n= Rome")))
                .containsExactly(error("pairs", "assessment.item.rightReused", "Paris"));
    }

    @Test
    void aMalformedRubricLineIsReportedOnTheRubric() {
        assertThat(errors("essay", form("essay", "stem", "Q?", "rubric", "Argument Strong = 3")))
                .containsExactly(error("rubric", "assessment.form.rubricSyntax", "Argument Strong = 3"));
        assertThat(errors("essay", form("essay", "stem", "Q?", "rubric", "Argument: Strong = lots")))
                .containsExactly(error("rubric", "assessment.form.rubricSyntax", "Argument: Strong = lots"));
        assertThat(errors("essay", form("essay", "stem", "Q?", "rubric", "Argument: Strong")))
                .containsExactly(error("rubric", "assessment.form.rubricSyntax", "Argument: Strong"));
        assertThat(errors("essay", form("essay", "stem", "Q?", "rubric", "")))
                .containsExactly(error("rubric", "assessment.item.noCriteria", 0));
        assertThat(errors("essay", form("essay", "stem", "Q?", "rubric", "Argument: Strong = 2", "points", "3")))
                .containsExactly(error("rubric", "assessment.item.rubricBelowPoints", "2"));
        assertThat(errors("essay", form("essay", "stem", "Q?", "rubric", "Argument: Strong = 1; Bad = -1")))
                .containsExactly(error("rubric", "assessment.item.negativeLevelPoints", "-1"));
        assertThat(errors("essay", form("essay", "stem", "Q?", "rubric", "A: B = 1", "minWords", "0")))
                .containsExactly(error("minWords", "assessment.item.wordLimitNotPositive", 0));
        assertThat(errors(
                        "essay",
                        form("essay", "stem", "Q?", "rubric", "A: B = 1", "minWords", "300", "maxWords", "200")))
                .containsExactly(error("maxWords", "assessment.item.wordLimits", 300));
        assertThat(errors("essay", form("essay", "stem", "Q?", "rubric", "A: B = 1", "maxWords", "many")))
                .containsExactly(error("maxWords", "assessment.form.notAWholeNumber", "many"));
    }

    @Test
    void noInputThrowsAndEveryItemReadsBackFromItsFields() {
        var tokens = List.of(
                "*",
                "|",
                " | ",
                "=",
                " = ",
                ";",
                ":",
                "[",
                "]",
                " # ",
                "/",
                "\\",
                " (case)",
                " (spaces)",
                "{{a}}",
                "a: ",
                "±",
                "%",
                "1",
                "0,5",
                "-1",
                "abc",
                "\n",
                "\r\n",
                " ",
                ",",
                "e9",
                " (3 sf)",
                "?",
                "Rome",
                "x");
        var forms = filledForms().map(Arguments::get).toList();
        var random = new java.util.Random(42);
        var validCount = 0;
        for (int round = 0; round < 3000; round++) {
            // A filled form of each type with a few tokens dropped into one or two of its fields.
            var form = forms.get(round % forms.size());
            var type = (String) form[0];
            @SuppressWarnings("unchecked")
            var fields = new LinkedHashMap<>((Map<String, String>) form[1]);
            var names = ItemForm.fieldNames(type);
            for (int changes = 1 + random.nextInt(2); changes > 0; changes--) {
                var name = names.get(random.nextInt(names.size()));
                var value = new StringBuilder(fields.get(name));
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    value.insert(random.nextInt(value.length() + 1), tokens.get(random.nextInt(tokens.size())));
                }
                fields.put(name, value.toString());
            }
            var result = ItemForm.parse(type, fields, NEW);
            if (result instanceof Invalid invalid) {
                assertThat(invalid.errors()).as("errors for %s", fields).isNotEmpty();
            } else {
                validCount++;
                var item = ((Valid) result).item();
                assertThat(valid(type, ItemForm.fieldsOf(item, "en")))
                        .as("%s read back", fields)
                        .isEqualTo(item);
                // The same change as an edit of the unchanged form's item, saved again without change.
                var previous = (Item) form[2];
                var edited = valid(type, fields, ItemInfoBase.nextVersionOf(previous, "en"));
                assertThat(valid(type, ItemForm.fieldsOf(edited, "en"), ItemInfoBase.nextVersionOf(edited, "en")))
                        .as("%s saved again", fields)
                        .isEqualTo(edited.nextVersion());
            }
        }
        assertThat(validCount).as("valid items among the changed forms").isGreaterThan(1000);
    }

    @Test
    void trueOrFalseMustBeChosen() {
        assertThat(errors("true-false", form("true-false", "stem", "Q?")))
                .containsExactly(error("answer", "assessment.form.chooseAnswer"));
    }
}
