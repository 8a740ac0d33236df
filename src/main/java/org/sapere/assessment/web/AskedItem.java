package org.sapere.assessment.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.domain.Essay;
import org.sapere.assessment.domain.FillInTheBlanks;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.Matching;
import org.sapere.assessment.domain.MultipleResponse;
import org.sapere.assessment.domain.Numeric;
import org.sapere.assessment.domain.Option;
import org.sapere.assessment.domain.Ordering;
import org.sapere.assessment.domain.ShortText;
import org.sapere.assessment.domain.SingleChoice;
import org.sapere.assessment.domain.TrueFalse;

/**
 * An item as a learner sees it before submitting, and nothing more: the stem, hints and what to answer with, in the
 * learner's language, as safe HTML. It never holds what would give the answer away: which options are right, accepted
 * answers, numbers, tolerances and units, the correct order or pairs, feedback, the explanation or the rubric.
 *
 * <p>Options, things to order and the rights of a matching are shuffled by the attempt's {@code seed}: the same seed
 * gives the same order, so a reload shows what the learner saw. Things to order are never shown in the correct order.
 *
 * @param position the item's place in the quiz, from 1; it names the answer form's fields ({@link AnswerForm})
 * @param type the item's type as a name: {@code single-choice}, {@code multiple-response}, {@code true-false},
 *     {@code numeric}, {@code short-text}, {@code fill-in-the-blanks}, {@code ordering}, {@code matching}, {@code
 *     essay}
 */
public record AskedItem(
        int position, String type, BigDecimal points, String stemHtml, List<String> hintsHtml, Body body) {

    public AskedItem {
        if (position < 1) {
            throw new IllegalArgumentException("Positions start at 1: " + position);
        }
        Objects.requireNonNull(type);
        Objects.requireNonNull(points);
        Objects.requireNonNull(stemHtml);
        hintsHtml = List.copyOf(hintsHtml);
        Objects.requireNonNull(body);
    }

    /** What the learner answers with, per type. */
    public sealed interface Body permits Choices, TrueOrFalse, TextEntry, Blanks, Order, Match, Writing {}

    /** Pick one option ({@code multiple} false: radio buttons) or every option that applies (check boxes). */
    public record Choices(List<Choice> options, boolean multiple) implements Body {

        public Choices {
            options = List.copyOf(options);
        }
    }

    /** Say whether the stem is true or false. */
    public record TrueOrFalse() implements Body {}

    /** Type a number ({@code numeric}) or a short text. The form says nothing about units: that is part of the answer. */
    public record TextEntry(boolean numeric) implements Body {}

    /** A text with gaps: HTML pieces and gaps in reading order. The pieces and gaps together form the text's HTML. */
    public record Blanks(List<Segment> segments) implements Body {

        public Blanks {
            segments = List.copyOf(segments);
        }
    }

    /** Give each thing its position; {@code items} are shuffled, never in the correct order. */
    public record Order(List<Choice> items) implements Body {

        public Order {
            items = List.copyOf(items);
        }
    }

    /**
     * Pair each left with a right: lefts in the author's order, rights shuffled. {@code rightsReusable} says whether
     * a right may be used for more than one left (an instruction, not a hint).
     */
    public record Match(List<Choice> lefts, List<Choice> rights, boolean rightsReusable) implements Body {

        public Match {
            lefts = List.copyOf(lefts);
            rights = List.copyOf(rights);
        }

        /** Whether a right has more than text (a formula, a picture), so the rights are listed beside the drop-downs. */
        public boolean richRights() {
            return rights.stream().anyMatch(Choice::rich);
        }
    }

    /** Write an essay, within the word limits when set. */
    public record Writing(
            @Nullable Integer minWords, @Nullable Integer maxWords) implements Body {}

    /**
     * Something to pick, place or pair: its id (the form's value), its text as HTML for a label or a line, and as
     * plain text for a drop-down's option.
     */
    public record Choice(String id, String html, String text) {

        static Choice of(Option option, Locale locale) {
            var html = Html.inline(option.text(), locale);
            return new Choice(option.id(), html, Html.plain(html));
        }

        /** Whether the HTML has markup that the plain text loses. */
        public boolean rich() {
            return html.indexOf('<') >= 0;
        }
    }

    /** A piece of a text with gaps: HTML, or a gap. */
    public sealed interface Segment permits Text, Gap {}

    /** HTML between gaps; a piece may open or close a paragraph, so pieces are only whole together with the gaps. */
    public record Text(String html) implements Segment {}

    /**
     * A gap: {@code id} names its field, {@code number} (from 1, in reading order) labels it for people; a choice
     * gap's {@code options} are shuffled.
     */
    public record Gap(String id, int number, GapKind kind, List<Choice> options) implements Segment {

        public Gap {
            options = List.copyOf(options);
        }
    }

    public enum GapKind {
        TEXT,
        NUMERIC,
        CHOICE
    }

    /** The item as the learner at {@code position} of an attempt shuffled by {@code seed} sees it. */
    public static AskedItem of(Item item, int position, long seed, Locale locale) {
        var info = item.info();
        var hints = info.hints().stream().map(h -> Html.block(h, locale)).toList();
        return new AskedItem(
                position,
                typeName(item),
                info.points(),
                Html.block(info.stem(), locale),
                hints,
                body(item, seed, locale));
    }

    /** The name of an item's type, as {@link #type()} gives it. */
    public static String typeName(Item item) {
        return switch (item) {
            case SingleChoice i -> "single-choice";
            case MultipleResponse i -> "multiple-response";
            case TrueFalse i -> "true-false";
            case Numeric i -> "numeric";
            case ShortText i -> "short-text";
            case FillInTheBlanks i -> "fill-in-the-blanks";
            case Ordering i -> "ordering";
            case Matching i -> "matching";
            case Essay i -> "essay";
        };
    }

    private static Body body(Item item, long seed, Locale locale) {
        var id = item.info().id();
        return switch (item) {
            case SingleChoice i ->
                new Choices(choices(Shuffle.of(i.options(), Option::id, seed, id, "options"), locale), false);
            case MultipleResponse i ->
                new Choices(choices(Shuffle.of(i.options(), Option::id, seed, id, "options"), locale), true);
            case TrueFalse i -> new TrueOrFalse();
            case Numeric i -> new TextEntry(true);
            case ShortText i -> new TextEntry(false);
            case FillInTheBlanks i -> new Blanks(BlankSegments.of(i, seed, locale));
            case Ordering i -> new Order(choices(notInOrder(i, seed), locale));
            case Matching i ->
                new Match(
                        choices(i.lefts(), locale),
                        choices(Shuffle.of(i.rights(), Option::id, seed, id, "rights"), locale),
                        i.rightsReusable());
            case Essay i -> new Writing(i.minWords(), i.maxWords());
        };
    }

    /** The things shuffled; when the shuffle happens to give the correct order, rotated by one, which never does. */
    private static List<Option> notInOrder(Ordering item, long seed) {
        var shuffled = Shuffle.of(item.items(), Option::id, seed, item.info().id(), "items");
        if (!shuffled.equals(item.items())) {
            return shuffled;
        }
        var rotated = new java.util.ArrayList<>(shuffled.subList(1, shuffled.size()));
        rotated.add(shuffled.getFirst());
        return List.copyOf(rotated);
    }

    /** The letter naming the right at {@code index} from 0, when rights are listed: A to Z, then AA, AB… */
    public static String letter(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : letter(index / 26 - 1) + letter(index % 26);
    }

    static List<Choice> choices(List<Option> options, Locale locale) {
        return options.stream().map(o -> Choice.of(o, locale)).toList();
    }
}
