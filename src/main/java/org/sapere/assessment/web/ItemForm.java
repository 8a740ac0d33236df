package org.sapere.assessment.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.domain.Essay;
import org.sapere.assessment.domain.FillInTheBlanks;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.Matching;
import org.sapere.assessment.domain.MultipleResponse;
import org.sapere.assessment.domain.Numeric;
import org.sapere.assessment.domain.Ordering;
import org.sapere.assessment.domain.ShortText;
import org.sapere.assessment.domain.SingleChoice;
import org.sapere.assessment.domain.TrueFalse;

/**
 * The author's item form: the field values for editing an item in one language ({@link #fieldsOf}), and the item a
 * submitted form makes ({@link #parse}), or the errors to show beside its fields. The fields' formats are described in
 * docs/assessment.md, "Writing items in the form".
 */
public final class ItemForm {

    /** The item types as named in addresses and in the {@code type} field. */
    public static final List<String> TYPES = List.of(
            "single-choice",
            "multiple-response",
            "true-false",
            "numeric",
            "short-text",
            "fill-in-the-blanks",
            "ordering",
            "matching",
            "essay");

    /** What a submitted form made: an item, or the errors to show with the fields as the author typed them. */
    public sealed interface Result permits Valid, Invalid {}

    public record Valid(Item item) implements Result {

        public Valid {
            Objects.requireNonNull(item);
        }
    }

    public record Invalid(List<FieldError> errors, Map<String, String> fields) implements Result {

        public Invalid {
            errors = List.copyOf(errors);
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /** A problem with one field: a message key ({@code assessment.item.*} or {@code assessment.form.*}) and its args. */
    public record FieldError(String field, String messageKey, List<Object> args) {

        public FieldError {
            Objects.requireNonNull(field);
            Objects.requireNonNull(messageKey);
            args = List.copyOf(args);
        }
    }

    /**
     * What the form does not hold: the item's id and the version being made, the language being edited, and the
     * previous version of the item (null for a new item), whose texts in other languages are kept.
     */
    public record ItemInfoBase(
            UUID id, int version, String language, @Nullable Item previous) {

        public ItemInfoBase {
            Objects.requireNonNull(id);
            Objects.requireNonNull(language);
        }

        /** A new item, version 1, written in {@code language}. */
        public static ItemInfoBase newItem(String language) {
            return new ItemInfoBase(UUID.randomUUID(), 1, language, null);
        }

        /** The next version of {@code previous}, edited in {@code language}. */
        public static ItemInfoBase nextVersionOf(Item previous, String language) {
            return new ItemInfoBase(previous.info().id(), previous.info().version() + 1, language, previous);
        }
    }

    private static final List<String> COMMON_BEFORE = List.of("stem");
    private static final List<String> COMMON_AFTER =
            List.of("points", "scoring", "explanation", "hints", "difficulty", "tags", "skills");

    private ItemForm() {}

    /** The form's field names for a type, in the order the form shows them. */
    public static List<String> fieldNames(String type) {
        var names = new ArrayList<>(COMMON_BEFORE);
        names.addAll(
                switch (knownType(type)) {
                    case "single-choice", "multiple-response" -> List.of("options");
                    case "true-false" -> List.of("answer", "feedbackTrue", "feedbackFalse");
                    case "numeric" ->
                        List.of(
                                "value",
                                "toleranceAbsolute",
                                "tolerancePercent",
                                "significantFigures",
                                "units",
                                "unitRequired");
                    case "short-text" -> List.of("answers");
                    case "fill-in-the-blanks" -> List.of("text", "gaps");
                    case "ordering" -> List.of("items");
                    case "matching" -> List.of("pairs", "reusable");
                    default -> List.of("rubric", "minWords", "maxWords");
                });
        names.addAll(COMMON_AFTER);
        return List.copyOf(names);
    }

    /** The fields of a new item of the type: all empty but the points (1) and the scoring (partial credit). */
    public static Map<String, String> emptyFields(String type) {
        var fields = new LinkedHashMap<String, String>();
        for (var name : fieldNames(type)) {
            fields.put(name, "");
        }
        fields.put("points", "1");
        fields.put("scoring", CommonFields.PARTIAL);
        return fields;
    }

    public static String typeOf(Item item) {
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

    /**
     * The field values for editing {@code item}, its texts in {@code language} (or, where a text has no variant in
     * it, in the text's original language), in the order of {@link #fieldNames}.
     */
    public static Map<String, String> fieldsOf(Item item, String language) {
        var fields = new LinkedHashMap<String, String>();
        for (var name : fieldNames(typeOf(item))) {
            fields.put(name, "");
        }
        CommonFields.write(item.info(), language, fields);
        switch (item) {
            case SingleChoice i -> ChoiceFields.writeOptions(i.options(), i.correct()::equals, language, fields);
            case MultipleResponse i -> ChoiceFields.writeOptions(i.options(), i.correct()::contains, language, fields);
            case TrueFalse i -> CommonFields.writeTrueFalse(i, language, fields);
            case Numeric i -> AnswerFields.writeNumeric(i.answer(), fields);
            case ShortText i -> fields.put("answers", AnswerFields.answerLines(i.accepted()));
            case FillInTheBlanks i -> GapFields.writeGaps(i, language, fields);
            case Ordering i -> ChoiceFields.writeOrdering(i, language, fields);
            case Matching i -> ChoiceFields.writeMatching(i, language, fields);
            case Essay i -> RubricFields.write(i, language, fields);
        }
        return fields;
    }

    /**
     * The item the submitted {@code fields} make, of {@code type} (one of {@link #TYPES}), with the id, version and
     * language of {@code base}; or every error found, each on its field. Never throws for what an author can type.
     *
     * @throws IllegalArgumentException when {@code type} is not one of {@link #TYPES}: check the address first
     */
    public static Result parse(String type, Map<String, String> fields, ItemInfoBase base) {
        knownType(type);
        var input = new FormInput(fields, base.language(), base.previous());
        var read = CommonFields.read(input, base);
        // Without valid common fields the item cannot be made, but its own fields are still checked against a
        // stand-in, so the author sees every error at once.
        var info = read != null ? read : CommonFields.standIn(input);
        Item item = switch (type) {
            case "single-choice" -> ChoiceFields.singleChoice(input, info);
            case "multiple-response" -> ChoiceFields.multipleResponse(input, info);
            case "true-false" -> CommonFields.trueFalse(input, info);
            case "numeric" -> AnswerFields.numeric(input, info);
            case "short-text" -> AnswerFields.shortText(input, info);
            case "fill-in-the-blanks" -> GapFields.fillInTheBlanks(input, info);
            case "ordering" -> ChoiceFields.ordering(input, info);
            case "matching" -> ChoiceFields.matching(input, info);
            default -> RubricFields.essay(input, info);
        };
        if (item == null || input.hasErrors()) {
            return new Invalid(input.errors(), fields);
        }
        return new Valid(item);
    }

    private static String knownType(String type) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("Not an item type: " + type);
        }
        return type;
    }
}
