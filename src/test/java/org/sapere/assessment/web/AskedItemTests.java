package org.sapere.assessment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sapere.assessment.web.QuizFixtures.SECRETS;
import static org.sapere.assessment.web.QuizFixtures.all;
import static org.sapere.assessment.web.QuizFixtures.en;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sapere.assessment.domain.FillInTheBlanks;
import org.sapere.assessment.domain.Gap;
import org.sapere.assessment.domain.ItemInfo;
import org.sapere.assessment.domain.Option;
import org.sapere.assessment.domain.Ordering;
import org.sapere.assessment.domain.SingleChoice;
import org.sapere.assessment.domain.TextAnswer;
import org.sapere.shared.LocalizedText;

/** What a learner sees before submitting: everything needed to answer, nothing that gives the answer away. */
class AskedItemTests {

    private static final Locale EN = Locale.ENGLISH;

    @Test
    void noTypeRevealsItsAnswersFeedbackExplanationOrRubric() {
        for (var twin : List.of(false, true)) {
            for (var item : all(twin)) {
                var asked = AskedItem.of(item, 3, 42L, EN);
                var html = Pages.question(asked, Map.of(), false, EN);
                for (var secret : SECRETS) {
                    assertThat(asked.toString()).as("%s record", asked.type()).doesNotContain(secret);
                    assertThat(html).as("%s form", asked.type()).doesNotContain(secret);
                }
                assertThat(html).as("%s form", asked.type()).doesNotContain("selected", "checked");
            }
        }
    }

    @Test
    void itemsDifferingOnlyInTheirSecretsAreAskedIdentically() {
        // Which option is right, the accepted answers, the correct order and pairs: none of it changes the form.
        var items = all(false);
        var twins = all(true);
        for (int i = 0; i < items.size(); i++) {
            var asked = AskedItem.of(items.get(i), 1, 7L, EN);
            var twin = AskedItem.of(twins.get(i), 1, 7L, EN);
            assertThat(twin).as(asked.type()).isEqualTo(asked);
            assertThat(Pages.question(twin, Map.of(), false, EN))
                    .as(asked.type())
                    .isEqualTo(Pages.question(asked, Map.of(), false, EN));
        }
    }

    @Test
    void everyTypeHasItsName() {
        assertThat(all(false).stream().map(AskedItem::typeName))
                .containsExactly(
                        "single-choice",
                        "multiple-response",
                        "true-false",
                        "numeric",
                        "short-text",
                        "fill-in-the-blanks",
                        "ordering",
                        "matching",
                        "essay");
    }

    @Test
    void theSameSeedGivesTheSameOrderAndOtherSeedsOtherOrders() {
        var item = manyOptions();
        var first = AskedItem.of(item, 1, 2026L, EN);
        assertThat(AskedItem.of(item, 1, 2026L, EN)).isEqualTo(first);
        var orders = new HashSet<List<String>>();
        for (long seed = 0; seed < 20; seed++) {
            orders.add(optionIds(AskedItem.of(item, 1, seed, EN)));
        }
        assertThat(orders).hasSizeGreaterThan(10);
        assertThat(orders)
                .allSatisfy(order -> assertThat(order).containsExactlyInAnyOrder("A", "B", "C", "D", "E", "F"));
    }

    @Test
    void twoItemsOfOneAttemptAreShuffledDifferently() {
        var one = manyOptions();
        var other = new SingleChoice(ItemInfo.of(en("Another?"), BigDecimal.ONE), one.options(), "A");
        var differ = 0;
        for (long seed = 0; seed < 20; seed++) {
            if (!optionIds(AskedItem.of(one, 1, seed, EN)).equals(optionIds(AskedItem.of(other, 2, seed, EN)))) {
                differ++;
            }
        }
        assertThat(differ).isGreaterThan(15);
    }

    @Test
    void thingsToOrderAreNeverShownInTheCorrectOrder() {
        for (var size = 2; size <= 4; size++) {
            var things = java.util.stream.IntStream.rangeClosed(1, size)
                    .mapToObj(n -> Option.of("t" + n, en("Thing " + n)))
                    .toList();
            var item = new Ordering(ItemInfo.of(en("Order these"), BigDecimal.ONE), things);
            var correct = things.stream().map(Option::id).toList();
            var seen = new HashSet<List<String>>();
            for (long seed = 0; seed < 500; seed++) {
                var order = ((AskedItem.Order) AskedItem.of(item, 1, seed, EN).body())
                        .items().stream().map(AskedItem.Choice::id).toList();
                assertThat(order)
                        .as("seed %d", seed)
                        .isNotEqualTo(correct)
                        .containsExactlyInAnyOrderElementsOf(correct);
                seen.add(order);
            }
            // Every other order does occur.
            assertThat(seen).hasSize(size == 2 ? 1 : size == 3 ? 5 : 23);
        }
    }

    @Test
    void matchingKeepsTheLeftsInOrderAndShufflesTheRights() {
        var asked = (AskedItem.Match)
                AskedItem.of(QuizFixtures.matching(false), 1, 5L, EN).body();
        assertThat(asked.lefts()).extracting(AskedItem.Choice::id).containsExactly("L1", "L2", "L3");
        assertThat(asked.rights()).extracting(AskedItem.Choice::id).containsExactlyInAnyOrder("R1", "R2", "R3", "R4");
        assertThat(asked.rightsReusable()).isFalse();
        assertThat(asked.richRights()).isFalse();
    }

    @Test
    void rightsWithMoreThanTextAreListedWithLettersBesideTheDropDowns() {
        var item = new org.sapere.assessment.domain.Matching(
                ItemInfo.of(en("Pair"), BigDecimal.ONE),
                List.of(Option.of("L1", en("One")), Option.of("L2", en("Two"))),
                List.of(Option.of("R1", en("*first*")), Option.of("R2", en("second"))),
                Map.of("L1", "R1", "L2", "R2"),
                true);
        var asked = AskedItem.of(item, 1, 1L, EN);
        assertThat(((AskedItem.Match) asked.body()).richRights()).isTrue();
        var html = Pages.question(asked, Map.of(), false, EN).replaceAll("\\s+", " ");
        assertThat(html)
                .contains("<ul class=\"quiz-rights\" aria-label=\"Choices\">")
                .containsPattern("<span class=\"quiz-letter\">[AB]</span> <em>first</em>")
                .containsPattern("<option value=\"R1\">[AB]\\. first</option>")
                .contains("A choice may be used for more than one item.");
        assertThat(AskedItem.letter(0)).isEqualTo("A");
        assertThat(AskedItem.letter(25)).isEqualTo("Z");
        assertThat(AskedItem.letter(26)).isEqualTo("AA");
    }

    @Test
    void stemHintsAndOptionsAreSafeHtmlInTheLearnersLanguage() {
        var stem = new LocalizedText(java.util.Map.of("en", "Pick **one** <script>alert(1)</script>"));
        var item = new SingleChoice(
                new ItemInfo(
                        java.util.UUID.randomUUID(),
                        1,
                        new LocalizedText(new java.util.LinkedHashMap<>(java.util.Map.of("en", "Which *one*?")) {
                            {
                                put("it", "Quale *uno*?");
                            }
                        }),
                        null,
                        List.of(en("Look <b onclick=x>here</b>")),
                        BigDecimal.ONE,
                        List.of(),
                        List.of(),
                        null,
                        org.sapere.assessment.domain.ScoringMode.PARTIAL),
                List.of(Option.of("A", stem), Option.of("B", en("x<sup>2</sup>"))),
                "A");
        var italian = AskedItem.of(item, 1, 1L, Locale.ITALIAN);
        assertThat(italian.stemHtml()).isEqualTo("<p>Quale <em>uno</em>?</p>\n");
        assertThat(AskedItem.of(item, 1, 1L, Locale.GERMAN).stemHtml()).isEqualTo("<p>Which <em>one</em>?</p>\n");
        assertThat(italian.hintsHtml())
                .singleElement()
                .asString()
                .contains("&lt;b")
                .doesNotContain("<b");
        var options = ((AskedItem.Choices) italian.body()).options();
        var a = options.stream().filter(o -> o.id().equals("A")).findFirst().orElseThrow();
        // One paragraph becomes a line for the label; raw HTML is shown as text.
        assertThat(a.html())
                .startsWith("Pick <strong>one</strong> &lt;script&gt;")
                .doesNotContain("<p>", "<script");
        assertThat(a.text()).isEqualTo("Pick one <script>alert(1)</script>");
    }

    @Test
    void aTextWithGapsIsCutIntoPiecesAndNumberedGapsInReadingOrder() {
        var asked = AskedItem.of(QuizFixtures.fillInTheBlanks(false), 2, 9L, EN);
        var segments = ((AskedItem.Blanks) asked.body()).segments();
        assertThat(segments).hasSize(7);
        assertThat(segments.get(0)).isEqualTo(new AskedItem.Text("<p>The capital of France is "));
        assertThat(segments.get(1)).isEqualTo(new AskedItem.Gap("city", 1, AskedItem.GapKind.TEXT, List.of()));
        assertThat(segments.get(2)).isEqualTo(new AskedItem.Text(".</p>\n<p>Its population is about "));
        assertThat(segments.get(3)).isEqualTo(new AskedItem.Gap("people", 2, AskedItem.GapKind.NUMERIC, List.of()));
        var colour = (AskedItem.Gap) segments.get(5);
        assertThat(colour.number()).isEqualTo(3);
        assertThat(colour.kind()).isEqualTo(AskedItem.GapKind.CHOICE);
        assertThat(colour.options())
                .extracting(AskedItem.Choice::text)
                .containsExactlyInAnyOrder("red", "blue", "green");
        assertThat(segments.get(6)).isEqualTo(new AskedItem.Text(" among others.</p>\n"));
        var html = new StringBuilder();
        segments.forEach(
                s -> html.append(s instanceof AskedItem.Text t ? t.html() : "[" + ((AskedItem.Gap) s).id() + "]"));
        assertThat(html.toString())
                .isEqualTo("<p>The capital of France is [city].</p>\n<p>Its population is about [people] and its flag"
                        + " is [colour] among others.</p>\n");
    }

    @Test
    void gapsFollowTheWordOrderOfTheLearnersLanguage() {
        var text = new LocalizedText(new java.util.LinkedHashMap<>(Map.of("en", "{{a}} then {{b}}")) {
            {
                put("de", "{{b}} dann {{a}}");
            }
        });
        var item = new FillInTheBlanks(ItemInfo.of(en("Fill"), BigDecimal.ONE), text, List.of(gap("a"), gap("b")));
        var segments =
                ((AskedItem.Blanks) AskedItem.of(item, 1, 1L, Locale.GERMAN).body()).segments();
        assertThat(segments.stream().filter(AskedItem.Gap.class::isInstance).map(s -> (AskedItem.Gap) s))
                .extracting(AskedItem.Gap::id, AskedItem.Gap::number)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("b", 1), org.assertj.core.groups.Tuple.tuple("a", 2));
    }

    @Test
    void aGapTheTextHidesInALinkIsStillAskedAndTheLinkKeepsNoToken() {
        var item = new FillInTheBlanks(
                ItemInfo.of(en("Fill"), BigDecimal.ONE),
                en("See [the map](https://example.org/{{a}}) and `{{b}}`. Also SAPEREGAP0Z."),
                List.of(gap("a"), gap("b")));
        var segments = ((AskedItem.Blanks) AskedItem.of(item, 1, 1L, EN).body()).segments();
        var gaps = segments.stream()
                .filter(AskedItem.Gap.class::isInstance)
                .map(s -> ((AskedItem.Gap) s).id())
                .toList();
        assertThat(gaps).containsExactly("b", "a");
        var texts = segments.stream()
                .filter(AskedItem.Text.class::isInstance)
                .map(s -> ((AskedItem.Text) s).html())
                .toList();
        assertThat(String.join("", texts)).doesNotContain("SAPEREGAP");
    }

    @Test
    void theFormLabelsEveryControlAndNamesFieldsByPosition() {
        for (var item : all(false)) {
            var html = Pages.question(AskedItem.of(item, 4, 3L, EN), Map.of(), false, EN);
            assertThat(html).contains("data-position=\"4\"", "<legend", "Question 4");
            assertThat(html).doesNotContain("assessment.question.", "assessment.review.");
            assertLabelled(html);
            for (var name : names(html)) {
                assertThat(name).matches("q4(\\.(rank|pair)\\.[A-Za-z0-9_-]+|\\.[A-Za-z0-9_-]+)?");
            }
        }
    }

    @Test
    void theFormIsFilledInFromTheSavedFieldsAndCanBeDisabled() {
        var html = Pages.question(
                AskedItem.of(QuizFixtures.fillInTheBlanks(false), 1, 1L, EN),
                Map.of("city", List.of("Lyon \"<b>\""), "colour", List.of("green")),
                true,
                EN);
        assertThat(html).contains("value=\"Lyon &#34;&lt;b>&#34;\"", "<option value=\"green\" selected>", "disabled");
        var order = Pages.question(
                AskedItem.of(QuizFixtures.ordering(false), 1, 1L, EN), Map.of("rank.s3", List.of("2")), false, EN);
        assertThat(order).contains("name=\"q1.rank.s3\"").contains("<option value=\"2\" selected>2</option>");
        assertThat(order).doesNotContain("disabled");
        var essay = Pages.question(
                AskedItem.of(QuizFixtures.essay(false), 1, 1L, EN),
                Map.of("", List.of("Three short words")),
                false,
                EN);
        assertThat(essay).contains(">Three short words</textarea>", "<span data-word-count>3</span>");
        assertThat(essay).contains("Write between 10 and 200 words.", "/js/quiz.js", "data-min-words=\"10\"");
    }

    @Test
    void everyLanguageRendersEveryTypeWithoutMissingMessages() {
        for (var language : org.sapere.shared.web.PageContext.LANGUAGES) {
            for (var item : all(false)) {
                var html = Pages.question(AskedItem.of(item, 1, 1L, language), Map.of(), false, language);
                assertThat(html)
                        .as("%s in %s", item.getClass().getSimpleName(), language)
                        .doesNotContain("assessment.");
            }
        }
    }

    private static Gap gap(String id) {
        return new Gap.Text(id, List.of(TextAnswer.Literal.of("x")));
    }

    private static SingleChoice manyOptions() {
        var options = java.util.stream.Stream.of("A", "B", "C", "D", "E", "F")
                .map(id -> Option.of(id, en("Option " + id)))
                .toList();
        return new SingleChoice(ItemInfo.of(en("Which?"), BigDecimal.ONE), options, "A");
    }

    private static List<String> optionIds(AskedItem asked) {
        return ((AskedItem.Choices) asked.body())
                .options().stream().map(AskedItem.Choice::id).toList();
    }

    private static final Pattern CONTROL = Pattern.compile("<(input|select|textarea)\\b([^>]*)>");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");

    /** Every control has a label: wrapped in a choice row, aria-label, aria-labelledby, or a label for its id. */
    static void assertLabelled(String html) {
        var m = CONTROL.matcher(html);
        var wrapped = 0;
        while (m.find()) {
            var attributes = m.group(2);
            if (attributes.contains("type=\"radio\"") || attributes.contains("type=\"checkbox\"")) {
                wrapped++;
                continue;
            }
            if (attributes.contains("aria-label=\"") || attributes.contains("aria-labelledby=\"")) {
                continue;
            }
            var id = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(attributes);
            assertThat(id.find())
                    .as("control without id or label: %s", m.group())
                    .isTrue();
            assertThat(html).as("label for %s", id.group(1)).contains("<label for=\"" + id.group(1) + "\"");
        }
        assertThat(count(html, "<label class=\"quiz-choice\">")).isEqualTo(wrapped);
    }

    static List<String> names(String html) {
        return NAME.matcher(html).results().map(r -> r.group(1)).toList();
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
