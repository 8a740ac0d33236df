package org.sapere.assessment.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.domain.FillInTheBlanks;
import org.sapere.assessment.domain.Gap;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.ItemInfo;
import org.sapere.assessment.domain.NumericAnswer;
import org.sapere.assessment.domain.NumericAnswer.Unit;
import org.sapere.assessment.domain.Option;
import org.sapere.assessment.domain.TextAnswer;
import org.sapere.assessment.web.ChoiceFields.OptionLine;
import org.sapere.shared.LocalizedText;

/**
 * A fill-in-the-blanks item: its {@code text} with {@code {{id}}} markers, and its {@code gaps}, one a line: {@code
 * city: Rome; Roma} (text), {@code g: = 9.81 ± 0.05} (number), {@code capital: [*Rome | Milan]} (inline choice).
 */
final class GapFields {

    private static final String NUMBER = "[+\\-\u2212]?(?:\\d+(?:[.,]\\d*)?|[.,]\\d+)(?:[eE][+-]?\\d{1,3})?";
    private static final String PLUS_MINUS = "(?:±|\\+/-|\\+-)";
    private static final Pattern TOLERANCE = Pattern.compile(PLUS_MINUS + "\\s*(" + NUMBER + ")\\s*(%?)");
    private static final Pattern NUMERIC = Pattern.compile("=\\s*(" + NUMBER + ")"
            + "((?:\\s*" + PLUS_MINUS + "\\s*" + NUMBER + "\\s*%?)*)"
            + "(?:\\s*\\(\\s*(\\d{1,3})\\s*sf\\s*\\))?"
            + "(?:\\s*\\[([^\\]]*)\\](\\?)?)?\\s*");

    /** Errors about the markers in the text, rather than about the gaps' lines. */
    private static final Set<String> MARKER_KEYS = Set.of(
            "assessment.item.gapMarkerMissing",
            "assessment.item.gapMarkerRepeated",
            "assessment.item.unknownGapMarker");

    private GapFields() {}

    static @Nullable Item fillInTheBlanks(FormInput in, ItemInfo info) {
        var previous = in.previous() instanceof FillInTheBlanks f ? f : null;
        var gaps = new ArrayList<Gap>();
        var complete = true;
        for (var line : in.lines("gaps")) {
            var gap = gap(in, line, previous);
            complete &= gap != null;
            if (gap != null) {
                gaps.add(gap);
            }
        }
        var typed = in.markdown("text");
        if (typed.isEmpty()) {
            in.error("text", "assessment.form.required");
            return null;
        }
        var ids = gaps.stream().map(Gap::id).toList();
        var text = withMarkers(in, in.text(typed, previous == null ? null : previous.text(), Texts::markdown), ids);
        if (!complete) {
            return null;
        }
        return in.check(
                e -> MARKER_KEYS.contains(e.messageKey()) ? "text" : "gaps",
                () -> new FillInTheBlanks(info, text, gaps));
    }

    /**
     * The text without the other languages' variants whose markers no longer match the gaps: a gap added or removed
     * in this language leaves them without a place for it, so they are dropped (to be translated again) rather than
     * refused.
     */
    private static LocalizedText withMarkers(FormInput in, LocalizedText text, List<String> gapIds) {
        var edited = text.variants().containsKey(in.language()) ? in.language() : text.originalLanguage();
        var wanted = Set.copyOf(gapIds);
        var kept = new LinkedHashMap<String, String>();
        text.variants().forEach((language, variant) -> {
            if (language.equals(edited) || markers(variant).equals(wanted)) {
                kept.put(language, variant);
            }
        });
        return new LocalizedText(kept);
    }

    private static Set<String> markers(String text) {
        var found = new HashSet<String>();
        FillInTheBlanks.MARKER.matcher(text).results().forEach(m -> found.add(m.group(1)));
        return found;
    }

    private static @Nullable Gap gap(FormInput in, String line, @Nullable FillInTheBlanks previous) {
        var colon = line.indexOf(':');
        var body = colon < 0 ? "" : line.substring(colon + 1).strip();
        if (colon <= 0 || body.isEmpty()) {
            in.error("gaps", "assessment.form.gapSyntax", line);
            return null;
        }
        var id = line.substring(0, colon).strip();
        if (body.startsWith("=")) {
            return numeric(in, id, body);
        }
        if (body.startsWith("[")) {
            var before = previous == null
                    ? null
                    : previous.gaps().stream()
                            .filter(g -> g.id().equals(id) && g instanceof Gap.InlineChoice)
                            .map(g -> (Gap.InlineChoice) g)
                            .findFirst()
                            .orElse(null);
            return choice(in, id, body, before == null ? List.of() : before.options());
        }
        var accepted = new ArrayList<TextAnswer>();
        for (var token : AnswerFields.answerTokens(body)) {
            var answer = AnswerFields.answer(in, "gaps", token, true);
            if (answer == null) {
                return null;
            }
            accepted.add(answer);
        }
        return in.check("gaps", () -> new Gap.Text(id, accepted));
    }

    private static @Nullable Gap numeric(FormInput in, String id, String body) {
        var m = NUMERIC.matcher(body);
        if (!m.matches()) {
            in.error("gaps", "assessment.form.numericGap", id);
            return null;
        }
        var value = FormInput.number(m.group(1));
        @Nullable BigDecimal absolute = null;
        @Nullable BigDecimal percent = null;
        var tolerances = TOLERANCE.matcher(m.group(2));
        while (tolerances.find()) {
            var tolerance = FormInput.number(tolerances.group(1));
            var relative = !tolerances.group(2).isEmpty();
            // Each tolerance once; and a number too long to read is refused rather than left out.
            if (tolerance == null || (relative ? percent != null : absolute != null)) {
                in.error("gaps", "assessment.form.numericGap", id);
                return null;
            }
            if (relative) {
                percent = tolerance;
            } else {
                absolute = tolerance;
            }
        }
        var figures = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        var units = m.group(4);
        var unit = units == null
                ? null
                : in.check(
                        "gaps",
                        () -> new Unit(
                                Texts.split(units, ',').stream()
                                        .map(String::strip)
                                        .filter(s -> !s.isEmpty())
                                        .toList(),
                                m.group(5) == null));
        if (value == null) {
            in.error("gaps", "assessment.form.numericGap", id);
            return null;
        }
        if (units != null && unit == null) {
            return null;
        }
        var abs = absolute;
        var rel = percent;
        return in.check("gaps", () -> new Gap.Numeric(id, new NumericAnswer(value, abs, rel, figures, unit)));
    }

    /** Choices separated by {@code |} (or by commas when there is no {@code |}); {@code *} marks the correct one. */
    private static @Nullable Gap choice(FormInput in, String id, String body, List<Option> previous) {
        if (!body.endsWith("]")) {
            in.error("gaps", "assessment.form.choiceGap", id);
            return null;
        }
        var inner = body.substring(1, body.length() - 1);
        var separator = Texts.contains(inner, '|') ? '|' : ',';
        var lines = new ArrayList<OptionLine>();
        for (var part : Texts.split(inner, separator)) {
            var choice = ChoiceFields.marked(Texts.unescape(part, separator).strip(), '#');
            if (!choice.text().isEmpty()) {
                lines.add(choice);
            }
        }
        if (lines.stream().filter(OptionLine::correct).count() != 1) {
            in.error("gaps", "assessment.form.oneCorrectChoice", id);
            return null;
        }
        var options = ChoiceFields.options(in, "gaps", lines, previous, new IdSequence(ChoiceFields.ids(previous)));
        if (options == null) {
            return null;
        }
        var correct = options.get(lines.indexOf(
                        lines.stream().filter(OptionLine::correct).findFirst().orElseThrow()))
                .id();
        return in.check("gaps", () -> new Gap.InlineChoice(id, options, correct));
    }

    static void writeGaps(FillInTheBlanks item, String language, Map<String, String> fields) {
        fields.put("text", Texts.markdown(Texts.in(item.text(), language)));
        fields.put(
                "gaps",
                String.join(
                        "\n",
                        item.gaps().stream()
                                .map(g -> g.id() + ": " + body(g, language))
                                .toList()));
    }

    private static String body(Gap gap, String language) {
        return switch (gap) {
            case Gap.Text text ->
                String.join(
                        "; ",
                        text.accepted().stream()
                                .map(a -> AnswerFields.answerText(a, true))
                                .toList());
            case Gap.Numeric number -> numeric(number.answer());
            case Gap.InlineChoice choice ->
                "["
                        + String.join(
                                " | ",
                                choice.options().stream()
                                        .map(o -> Texts.escape(
                                                ChoiceFields.optionLine(
                                                        o, o.id().equals(choice.correct()) ? "*" : "", language, '#'),
                                                '|'))
                                        .toList())
                        + "]";
        };
    }

    private static String numeric(NumericAnswer answer) {
        var text = new StringBuilder("= ").append(answer.value());
        if (answer.absoluteTolerance() != null) {
            text.append(" ± ").append(answer.absoluteTolerance());
        }
        if (answer.relativeTolerance() != null) {
            text.append(" ± ").append(answer.relativeTolerance()).append('%');
        }
        if (answer.significantFigures() != null) {
            text.append(" (").append(answer.significantFigures()).append(" sf)");
        }
        if (answer.unit() != null) {
            text.append(" [")
                    .append(String.join(", ", answer.unit().spellings()))
                    .append(']')
                    .append(answer.unit().required() ? "" : "?");
        }
        return text.toString();
    }
}
