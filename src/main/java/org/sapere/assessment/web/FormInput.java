package org.sapere.assessment.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.domain.InvalidItemException;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.web.ItemForm.FieldError;
import org.sapere.shared.LocalizedText;

/**
 * One submitted form being read: its fields, the language being edited, the item's previous version (whose texts in
 * other languages are kept), and the errors found so far, each on its field.
 */
final class FormInput {

    /** A decimal number as authors type it: comma or point, optional exponent; no thousands separators. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:[.,]\\d*)?|[.,]\\d+)(?:[eE][+-]?\\d{1,3})?");

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,9}");
    private static final int MAX_NUMBER_LENGTH = 100;

    /** Rules whose argument is the id of an option or criterion, which the form made up and the author never saw. */
    private static final Set<String> OPTION_KEYS = Set.of(
            "assessment.item.rightReused",
            "assessment.item.unpairedLeft",
            "assessment.item.unknownOption",
            "assessment.item.noLevels");

    private final Map<String, String> fields;
    private final String language;
    private final @Nullable Item previous;
    private final List<FieldError> errors = new ArrayList<>();
    /** What the author typed for each option or criterion id, so an error names it as the author sees it. */
    private final Map<String, String> typedNames = new HashMap<>();

    FormInput(Map<String, String> fields, String language, @Nullable Item previous) {
        this.fields = fields;
        this.language = language;
        this.previous = previous;
    }

    String language() {
        return language;
    }

    @Nullable
    Item previous() {
        return previous;
    }

    String raw(String name) {
        var value = fields.get(name);
        return value == null ? "" : Texts.lineFeeds(value);
    }

    String markdown(String name) {
        return Texts.markdown(raw(name));
    }

    String line(String name) {
        return Texts.flat(raw(name));
    }

    List<String> lines(String name) {
        return Texts.lines(raw(name));
    }

    boolean checked(String name) {
        var value = line(name);
        return value.equals("on") || value.equals("true");
    }

    void error(String field, String messageKey, Object... args) {
        errors.add(new FieldError(field, messageKey, List.of(args)));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    void name(String id, String typed) {
        typedNames.put(id, typed);
    }

    /** What {@code build} makes, or null with its {@link InvalidItemException} recorded as an error on {@code field}. */
    <T> @Nullable T check(String field, Supplier<T> build) {
        return check(e -> field, build);
    }

    /** As {@link #check(String, Supplier)}, the field chosen from the exception (its key, its argument). */
    <T> @Nullable T check(Function<InvalidItemException, String> field, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidItemException e) {
            errors.add(new FieldError(field.apply(e), e.messageKey(), List.of(shown(e))));
            return null;
        }
    }

    /** An exception's argument as the author would recognise it: an option by its text, a number as written. */
    private Object shown(InvalidItemException e) {
        var argument = e.argument();
        if (argument instanceof String id && OPTION_KEYS.contains(e.messageKey()) && typedNames.containsKey(id)) {
            return typedNames.get(id);
        }
        if (argument instanceof BigDecimal number) {
            return Texts.points(number);
        }
        return argument;
    }

    /** The decimal number in a field; null when it is empty, or (with an error) when it is not a number. */
    @Nullable
    BigDecimal decimal(String field) {
        var typed = line(field);
        if (typed.isEmpty()) {
            return null;
        }
        var number = number(typed);
        if (number == null) {
            error(field, "assessment.form.notANumber", typed);
        }
        return number;
    }

    /** The number in a text, or null when it is not one. */
    static @Nullable BigDecimal number(String typed) {
        var text = typed.strip().replace('\u2212', '-');
        if (text.length() > MAX_NUMBER_LENGTH || !DECIMAL.matcher(text).matches()) {
            return null;
        }
        return new BigDecimal(text.replace(',', '.'));
    }

    /** The whole number in a field; null when it is empty, or (with an error) when it is not a whole number. */
    @Nullable
    Integer whole(String field) {
        var typed = line(field).replace('\u2212', '-');
        if (typed.isEmpty()) {
            return null;
        }
        if (!WHOLE.matcher(typed).matches()) {
            error(field, "assessment.form.notAWholeNumber", typed);
            return null;
        }
        return Integer.valueOf(typed);
    }

    /**
     * A text with {@code typed} as its variant in the language being edited, and the previous text's other variants.
     * When the author left the text as the form showed it, the previous text is kept exactly, in every language: so a
     * text shown in its original language (for want of a variant in this one) and saved unchanged does not gain a
     * copy of itself as a translation.
     */
    LocalizedText text(String typed, @Nullable LocalizedText previous, UnaryOperator<String> shown) {
        if (previous == null) {
            return LocalizedText.of(language, typed);
        }
        if (typed.equals(shown.apply(Texts.in(previous, language)))) {
            return previous;
        }
        var variants = new LinkedHashMap<>(previous.variants());
        variants.put(language, typed);
        return new LocalizedText(variants);
    }

    /** As {@link #text}, for an optional text: left blank, its variant in this language is removed. */
    @Nullable
    LocalizedText optionalText(String typed, @Nullable LocalizedText previous, UnaryOperator<String> shown) {
        if (!typed.isBlank()) {
            return text(typed, previous, shown);
        }
        if (previous == null) {
            return null;
        }
        var variants = new LinkedHashMap<>(previous.variants());
        variants.remove(language);
        return variants.isEmpty() ? null : new LocalizedText(variants);
    }

    /**
     * Which previous part (option, hint, criterion, level) each typed line continues, or null for a new one. A line
     * continues a part whose text it repeats, wherever it moved. When editing a translation, a changed line continues
     * the part in the same place: it is that part's text translated. In a part's original language a changed text is
     * a new part (a new id), since its translations and statistics were about something else.
     */
    <T> List<@Nullable T> continuing(List<String> typed, List<T> previous, Function<T, LocalizedText> text) {
        var matched = new ArrayList<@Nullable T>();
        var used = new boolean[previous.size()];
        for (var line : typed) {
            @Nullable T found = null;
            for (int j = 0; j < previous.size() && found == null; j++) {
                if (!used[j] && line.equals(Texts.flat(Texts.in(text.apply(previous.get(j)), language)))) {
                    used[j] = true;
                    found = previous.get(j);
                }
            }
            matched.add(found);
        }
        for (int i = 0; i < typed.size() && i < previous.size(); i++) {
            var original = text.apply(previous.get(i)).originalLanguage();
            if (matched.get(i) == null && !used[i] && !original.equals(language)) {
                used[i] = true;
                matched.set(i, previous.get(i));
            }
        }
        return matched;
    }
}
