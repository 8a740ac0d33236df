package org.sapere.assessment.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.domain.InvalidItemException;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.ItemInfo;
import org.sapere.assessment.domain.Numeric;
import org.sapere.assessment.domain.NumericAnswer;
import org.sapere.assessment.domain.NumericAnswer.Unit;
import org.sapere.assessment.domain.ShortText;
import org.sapere.assessment.domain.TextAnswer;
import org.sapere.assessment.domain.TextAnswer.Literal;
import org.sapere.assessment.domain.TextAnswer.Regex;

/**
 * Typed answers: numbers (a numeric item's fields), accepted texts (one per line: {@code Rome}, {@code /Rom[ae]/},
 * {@code Rome (case)}), and, through {@link GapFields}, the gaps of a text.
 */
final class AnswerFields {

    /** The flags after an accepted answer: case-sensitive, spaces kept exactly. */
    private static final String FLAGS = "\\((case|spaces|case,\\s*spaces|spaces,\\s*case)\\)";

    private static final Pattern FLAGGED = Pattern.compile("(.*?)\\s+" + FLAGS);

    private AnswerFields() {}

    static @Nullable Item numeric(FormInput in, ItemInfo info) {
        if (in.line("value").isEmpty()) {
            in.error("value", "assessment.form.required");
        }
        var value = in.decimal("value");
        var absolute = in.decimal("toleranceAbsolute");
        var percent = in.decimal("tolerancePercent");
        var figures = in.whole("significantFigures");
        var spellings = Texts.split(in.line("units"), ',').stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        var required = in.checked("unitRequired");
        var unit = spellings.isEmpty() && !required ? null : in.check("units", () -> new Unit(spellings, required));
        if (value == null || in.hasErrors()) {
            return null;
        }
        var answer = in.check(
                e -> switch (e.messageKey()) {
                    case "assessment.item.significantFiguresOutOfRange" -> "significantFigures";
                    default -> numberField(e, absolute, percent);
                },
                () -> new NumericAnswer(value, absolute, percent, figures, unit));
        return answer == null ? null : new Numeric(info, answer);
    }

    /** Which number an error is about: the exception carries the offending number itself. */
    @SuppressWarnings("ReferenceEquality")
    private static String numberField(InvalidItemException e, @Nullable Object absolute, @Nullable Object percent) {
        if (e.argument() == absolute) {
            return "toleranceAbsolute";
        }
        return e.argument() == percent ? "tolerancePercent" : "value";
    }

    static void writeNumeric(NumericAnswer answer, Map<String, String> fields) {
        fields.put("value", answer.value().toString());
        fields.put("toleranceAbsolute", text(answer.absoluteTolerance()));
        fields.put("tolerancePercent", text(answer.relativeTolerance()));
        fields.put("significantFigures", text(answer.significantFigures()));
        fields.put(
                "units",
                answer.unit() == null ? "" : String.join(", ", answer.unit().spellings()));
        fields.put("unitRequired", answer.unit() != null && answer.unit().required() ? "on" : "");
    }

    private static String text(@Nullable Object number) {
        return number == null ? "" : number.toString();
    }

    static @Nullable Item shortText(FormInput in, ItemInfo info) {
        var accepted = new ArrayList<TextAnswer>();
        for (var line : in.lines("answers")) {
            var answer = answer(in, "answers", line, false);
            if (answer != null) {
                accepted.add(answer);
            }
        }
        if (in.hasErrors()) {
            return null;
        }
        return in.check("answers", () -> new ShortText(info, accepted));
    }

    /**
     * One accepted answer: {@code /pattern/} is a regular expression, anything else a literal; a trailing
     * {@code (case)}, {@code (spaces)} or {@code (case, spaces)} makes it case-sensitive or keeps its spaces exactly.
     * In a gap, {@code \;} is a semicolon within a literal.
     */
    static @Nullable TextAnswer answer(FormInput in, String field, String typed, boolean inGap) {
        var text = typed;
        var flags = "";
        var flagged = FLAGGED.matcher(typed);
        if (flagged.matches()) {
            text = flagged.group(1);
            flags = flagged.group(2);
        }
        var caseSensitive = flags.contains("case");
        var keepSpaces = flags.contains("spaces");
        if (text.length() >= 2 && text.startsWith("/") && text.endsWith("/")) {
            if (keepSpaces) {
                in.error(field, "assessment.form.spacesOnRegex", typed);
                return null;
            }
            var pattern = text.substring(1, text.length() - 1);
            return in.check(field, () -> new Regex(pattern, caseSensitive));
        }
        var literal = inGap ? Texts.unescape(Texts.unescapeStart(text), ';') : Texts.unescapeStart(text);
        return in.check(field, () -> new Literal(literal, caseSensitive, !keepSpaces));
    }

    static String answerLines(List<TextAnswer> accepted) {
        return String.join(
                "\n", accepted.stream().map(a -> answerText(a, false)).toList());
    }

    /** An accepted answer as the form writes it; in a gap, semicolons in a literal are escaped. */
    static String answerText(TextAnswer answer, boolean inGap) {
        return switch (answer) {
            case Regex r -> "/" + r.pattern() + "/" + flags(r.caseSensitive(), false);
            case Literal l -> {
                var text = Texts.escapeStart(Texts.flat(l.text()));
                yield (inGap ? Texts.escape(text, ';') : text) + flags(l.caseSensitive(), !l.normaliseWhitespace());
            }
        };
    }

    private static String flags(boolean caseSensitive, boolean keepSpaces) {
        if (caseSensitive && keepSpaces) {
            return " (case, spaces)";
        }
        return caseSensitive ? " (case)" : keepSpaces ? " (spaces)" : "";
    }

    /**
     * The answers of a text gap, separated by {@code ;}. A regular expression runs to the {@code /} that ends it
     * (before its flags and the next {@code ;}), so it may hold semicolons of its own.
     */
    static List<String> answerTokens(String body) {
        var tokens = new ArrayList<String>();
        var afterRegex = Pattern.compile("((?:\\s+" + FLAGS + ")?)\\s*(?:;|$)").matcher(body);
        var i = 0;
        while (i < body.length()) {
            if (Character.isWhitespace(body.charAt(i))) {
                i++;
                continue;
            }
            @Nullable String token = null;
            if (body.charAt(i) == '/') {
                for (int j = i + 1; j < body.length() && token == null; j++) {
                    if (body.charAt(j) == '/'
                            && afterRegex.region(j + 1, body.length()).lookingAt()) {
                        token = body.substring(i, j + 1) + afterRegex.group(1);
                        i = afterRegex.end();
                    }
                }
            }
            if (token == null) {
                token = Texts.split(body.substring(i), ';').getFirst();
                i += token.length() + 1;
            }
            if (!token.isBlank()) {
                tokens.add(token.strip());
            }
        }
        return tokens;
    }
}
