package org.sapere.assessment.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.domain.Essay;
import org.sapere.assessment.domain.FillInTheBlanks;
import org.sapere.assessment.domain.Gap;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.Matching;
import org.sapere.assessment.domain.MultipleResponse;
import org.sapere.assessment.domain.Numeric;
import org.sapere.assessment.domain.Option;
import org.sapere.assessment.domain.Ordering;
import org.sapere.assessment.domain.Response;
import org.sapere.assessment.domain.ShortText;
import org.sapere.assessment.domain.SingleChoice;
import org.sapere.assessment.domain.TrueFalse;

/**
 * The answer form's fields and how they become a {@link Response}. One HTML form holds a whole quiz, so every field
 * is named after its item's position {@code n}:
 *
 * <ul>
 *   <li>{@code qn}: the chosen option (single choice), {@code true} or {@code false}, the typed number, text or essay;
 *       repeated for multiple response, once per option chosen;
 *   <li>{@code qn.<gapId>}: what was typed or chosen in a gap;
 *   <li>{@code qn.rank.<itemId>}: the position, 1 to the number of things, given to a thing to order;
 *   <li>{@code qn.pair.<leftId>}: the right paired with a left (empty: not paired).
 * </ul>
 *
 * An item's fields are kept relative to {@code qn} ({@code ""}, {@code "g1"}, {@code "rank.X"}, {@code "pair.L"}):
 * that is how answers are saved, and how {@code question.jte} is given them back to fill in the form.
 *
 * <p>Whatever a form sends is read without error: fields and ids the item does not have are ignored, texts are cut to
 * {@link #MAX_ESSAY} or {@link #MAX_TEXT} characters, and an item with nothing filled in is {@link
 * Response.Unanswered}. A tampered form can only lose points.
 */
public final class AnswerForm {

    /** Longest essay kept, in characters. */
    public static final int MAX_ESSAY = 20_000;

    /** Longest answer kept for every other typed answer, in characters. */
    public static final int MAX_TEXT = 1_000;

    private static final Response UNANSWERED = new Response.Unanswered();

    private AnswerForm() {}

    /** The name of an item's field in the whole form: {@code name(3, "rank.X")} is {@code q3.rank.X}. */
    public static String name(int position, String relative) {
        return relative.isEmpty() ? "q" + position : "q" + position + "." + relative;
    }

    /** The fields of the item at {@code position}, named relative to it; other items' fields and the rest left out. */
    public static Map<String, List<String>> fieldsFor(int position, Map<String, List<String>> allFormFields) {
        var whole = name(position, "");
        var prefix = whole + ".";
        var fields = new LinkedHashMap<String, List<String>>();
        for (var field : allFormFields.entrySet()) {
            var name = field.getKey();
            if (name.equals(whole)) {
                fields.put("", List.copyOf(field.getValue()));
            } else if (name.startsWith(prefix)) {
                fields.put(name.substring(prefix.length()), List.copyOf(field.getValue()));
            }
        }
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** The first value of a relative field, or {@code ""}: what a text input or a drop-down shows. */
    public static String value(Map<String, List<String>> itemFields, String relative) {
        var values = itemFields.get(relative);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    /** Whether a relative field holds {@code value}: whether a radio button, check box or option is selected. */
    public static boolean holds(Map<String, List<String>> itemFields, String relative, String value) {
        var values = itemFields.get(relative);
        return values != null && values.contains(value);
    }

    /** The learner's response to {@code item}, from its relative fields. */
    public static Response response(Item item, Map<String, List<String>> itemFields) {
        return switch (item) {
            case SingleChoice i -> {
                var chosen = firstKnown(itemFields.get(""), i.options());
                yield chosen == null ? UNANSWERED : new Response.SingleChoice(chosen);
            }
            case MultipleResponse i -> {
                var chosen = new HashSet<String>();
                for (var value : values(itemFields, "")) {
                    if (has(i.options(), value)) {
                        chosen.add(value);
                    }
                }
                yield chosen.isEmpty() ? UNANSWERED : new Response.MultipleResponse(chosen);
            }
            case TrueFalse i ->
                switch (value(itemFields, "")) {
                    case "true" -> new Response.TrueFalse(true);
                    case "false" -> new Response.TrueFalse(false);
                    default -> UNANSWERED;
                };
            case Numeric i -> typed(itemFields, MAX_TEXT) instanceof String t ? new Response.Numeric(t) : UNANSWERED;
            case ShortText i ->
                typed(itemFields, MAX_TEXT) instanceof String t ? new Response.ShortText(t) : UNANSWERED;
            case Essay i -> typed(itemFields, MAX_ESSAY) instanceof String t ? new Response.Essay(t) : UNANSWERED;
            case FillInTheBlanks i -> gaps(i, itemFields);
            case Ordering i -> ordering(i, itemFields);
            case Matching i -> matching(i, itemFields);
        };
    }

    private static Response gaps(FillInTheBlanks item, Map<String, List<String>> fields) {
        var gaps = new HashMap<String, String>();
        for (var gap : item.gaps()) {
            var given = cut(value(fields, gap.id()), MAX_TEXT);
            if (given.isBlank() || (gap instanceof Gap.InlineChoice choice && !has(choice.options(), given))) {
                continue;
            }
            gaps.put(gap.id(), given);
        }
        return gaps.isEmpty() ? UNANSWERED : new Response.FillInTheBlanks(gaps);
    }

    /**
     * The things in the order of the positions given. Each position holds the first thing (in the item's order) given
     * it; a thing without a valid position, or whose position was taken, is left out: the order is then not a
     * permutation of the things, which scores nothing (and says so) rather than guessing what was meant.
     */
    private static Response ordering(Ordering item, Map<String, List<String>> fields) {
        var count = item.items().size();
        var slots = new String[count];
        var anyGiven = false;
        for (var thing : item.items()) {
            var given = value(fields, "rank." + thing.id()).strip();
            if (given.isEmpty()) {
                continue;
            }
            anyGiven = true;
            var rank = rank(given, count);
            if (rank > 0 && slots[rank - 1] == null) {
                slots[rank - 1] = thing.id();
            }
        }
        if (!anyGiven) {
            return UNANSWERED;
        }
        var order = new java.util.ArrayList<String>();
        for (var slot : slots) {
            if (slot != null) {
                order.add(slot);
            }
        }
        return new Response.Ordering(order);
    }

    /** The position 1..count written, or 0 for anything else. */
    private static int rank(String given, int count) {
        if (given.length() > 4 || !given.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        var rank = Integer.parseInt(given);
        return rank >= 1 && rank <= count ? rank : 0;
    }

    private static Response matching(Matching item, Map<String, List<String>> fields) {
        var pairs = new HashMap<String, String>();
        for (var left : item.lefts()) {
            var right = value(fields, "pair." + left.id());
            if (has(item.rights(), right)) {
                pairs.put(left.id(), right);
            }
        }
        return pairs.isEmpty() ? UNANSWERED : new Response.Matching(pairs);
    }

    private static @Nullable String typed(Map<String, List<String>> fields, int max) {
        var text = cut(value(fields, ""), max);
        return text.isBlank() ? null : text;
    }

    private static @Nullable String firstKnown(@Nullable List<String> values, List<Option> options) {
        if (values != null) {
            for (var value : values) {
                if (has(options, value)) {
                    return value;
                }
            }
        }
        return null;
    }

    private static List<String> values(Map<String, List<String>> fields, String relative) {
        var values = fields.get(relative);
        return values == null ? List.of() : values;
    }

    private static boolean has(List<Option> options, @Nullable String id) {
        return id != null && options.stream().anyMatch(o -> o.id().equals(id));
    }

    /** At most {@code max} characters, never cutting a character outside the basic plane in half. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        var end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
