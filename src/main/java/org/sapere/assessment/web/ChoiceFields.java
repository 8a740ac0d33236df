package org.sapere.assessment.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.ItemInfo;
import org.sapere.assessment.domain.Matching;
import org.sapere.assessment.domain.MultipleResponse;
import org.sapere.assessment.domain.Option;
import org.sapere.assessment.domain.Ordering;
import org.sapere.assessment.domain.SingleChoice;

/**
 * Items made of options written one per line: single choice and multiple response ({@code * Paris | feedback}),
 * ordering ({@code text | feedback}) and matching ({@code left = right | feedback}, {@code = distractor}).
 */
final class ChoiceFields {

    private ChoiceFields() {}

    /**
     * An option as typed on one line: its text, whether it is marked correct, its feedback (blank for none; null
     * where the form has no place for it, so the previous feedback stays).
     */
    record OptionLine(
            String text, boolean correct, @Nullable String feedback) {}

    static @Nullable Item singleChoice(FormInput in, ItemInfo info) {
        var choices = choices(in);
        if (choices == null) {
            return null;
        }
        if (choices.correct().size() > 1) {
            in.error(
                    "options",
                    "assessment.form.oneCorrectOption",
                    choices.correct().size());
            return null;
        }
        var correct = choices.correct().isEmpty() ? "" : choices.correct().getFirst();
        return in.check("options", () -> new SingleChoice(info, choices.options(), correct));
    }

    static @Nullable Item multipleResponse(FormInput in, ItemInfo info) {
        var choices = choices(in);
        if (choices == null) {
            return null;
        }
        return in.check("options", () -> new MultipleResponse(info, choices.options(), Set.copyOf(choices.correct())));
    }

    /** The options of a choice item and the ids of those marked correct. */
    private record Choices(List<Option> options, List<String> correct) {}

    private static @Nullable Choices choices(FormInput in) {
        var lines = optionLines(in, "options", '|');
        if (lines == null) {
            return null;
        }
        var before = in.previous();
        List<Option> previous;
        if (before instanceof SingleChoice s) {
            previous = s.options();
        } else if (before instanceof MultipleResponse m) {
            previous = m.options();
        } else {
            previous = List.of();
        }
        var options = options(in, "options", lines, previous, new IdSequence(ids(previous)));
        if (options == null) {
            return null;
        }
        var correct = new ArrayList<String>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).correct()) {
                correct.add(options.get(i).id());
            }
        }
        return new Choices(options, correct);
    }

    static void writeOptions(
            List<Option> options, Predicate<String> correct, String language, Map<String, String> fields) {
        fields.put(
                "options",
                String.join(
                        "\n",
                        options.stream()
                                .map(o -> optionLine(o, correct.test(o.id()), language, '|'))
                                .toList()));
    }

    static @Nullable Item ordering(FormInput in, ItemInfo info) {
        var previous = in.previous() instanceof Ordering o ? o.items() : List.<Option>of();
        var lines = in.lines("items").stream().map(line -> unmarked(line, '|')).toList();
        var items = options(in, "items", lines, previous, new IdSequence(ids(previous)));
        return items == null ? null : in.check("items", () -> new Ordering(info, items));
    }

    static void writeOrdering(Ordering item, String language, Map<String, String> fields) {
        fields.put(
                "items",
                String.join(
                        "\n",
                        item.items().stream()
                                .map(o -> optionLine(o, false, language, '|'))
                                .toList()));
    }

    static @Nullable Item matching(FormInput in, ItemInfo info) {
        var previous = in.previous() instanceof Matching m ? m : null;
        var previousLefts = previous == null ? List.<Option>of() : previous.lefts();
        var previousRights = previous == null ? List.<Option>of() : previous.rights();
        var lines = pairLines(in);
        // One sequence for both sides: a matching's ids are unique across them.
        var ids = new IdSequence(Stream.concat(previousLefts.stream(), previousRights.stream())
                .map(Option::id)
                .toList());
        var lefts = options(in, "pairs", lines.lefts(), previousLefts, ids);
        var rightLines = lines.rights().stream()
                .map(text -> new OptionLine(text, false, null))
                .toList();
        var rights = options(in, "pairs", rightLines, previousRights, ids);
        if (lefts == null || rights == null || in.hasErrors()) {
            return null;
        }
        var pairs = new LinkedHashMap<String, String>();
        for (int i = 0; i < lefts.size(); i++) {
            pairs.put(
                    lefts.get(i).id(),
                    rights.get(lines.rights().indexOf(lines.rightOfLeft().get(i)))
                            .id());
        }
        var reusable = in.checked("reusable");
        return in.check("pairs", () -> new Matching(info, lefts, rights, pairs, reusable));
    }

    /** The pairs as typed: each left (with its feedback) and the text of its right, and every right once. */
    private record PairLines(List<OptionLine> lefts, List<String> rightOfLeft, List<String> rights) {}

    private static PairLines pairLines(FormInput in) {
        var lefts = new ArrayList<OptionLine>();
        var rightOfLeft = new ArrayList<String>();
        var rights = new ArrayList<String>();
        var distractors = new ArrayList<String>();
        for (var line : in.lines("pairs")) {
            if (line.startsWith("=")) {
                var distractor = line.substring(1).strip();
                if (distractor.isEmpty()) {
                    in.error("pairs", "assessment.form.pairSyntax", line);
                } else {
                    distractors.add(distractor);
                }
                continue;
            }
            var pair = Texts.splitSpaced(line, '=');
            var left = Texts.unescapeSpaced(Texts.unescapeStart(pair[0]), '=');
            var right = Texts.splitSpaced(pair[1], '|');
            var rightText = Texts.unescapeSpaced(right[0], '|');
            if (left.isEmpty() || rightText.isEmpty()) {
                in.error("pairs", "assessment.form.pairSyntax", line);
                continue;
            }
            lefts.add(new OptionLine(left, false, right[1]));
            rightOfLeft.add(rightText);
            addOnce(rights, rightText);
        }
        // The rights of the pairs first, then the distractors, wherever they were written: as the form shows them.
        distractors.forEach(distractor -> addOnce(rights, distractor));
        return new PairLines(lefts, rightOfLeft, rights);
    }

    private static void addOnce(List<String> texts, String text) {
        if (!texts.contains(text)) {
            texts.add(text);
        }
    }

    static void writeMatching(Matching item, String language, Map<String, String> fields) {
        var lines = new ArrayList<String>();
        for (var left : item.lefts()) {
            var right = item.rights().stream()
                    .filter(r -> r.id().equals(item.pairs().get(left.id())))
                    .findFirst()
                    .orElseThrow();
            var feedback = left.feedback() == null ? "" : " | " + Texts.flat(Texts.in(left.feedback(), language));
            lines.add(Texts.escapeStart(Texts.escapeSpaced(flat(left, language), '='))
                    + " = "
                    + Texts.escapeSpaced(flat(right, language), '|')
                    + feedback);
        }
        var paired = new HashSet<>(item.pairs().values());
        for (var right : item.rights()) {
            if (!paired.contains(right.id())) {
                lines.add("= " + flat(right, language));
            }
        }
        fields.put("pairs", String.join("\n", lines));
        fields.put("reusable", item.rightsReusable() ? "on" : "");
    }

    /**
     * The option lines of a field, marked correct with a leading {@code *}; null, with an error for each, when a line
     * has no text.
     */
    static @Nullable List<OptionLine> optionLines(FormInput in, String field, char feedbackSeparator) {
        var lines = new ArrayList<OptionLine>();
        var complete = true;
        for (var line : in.lines(field)) {
            var option = marked(line, feedbackSeparator);
            if (option.text().isEmpty()) {
                in.error(field, "assessment.form.optionWithoutText", line);
                complete = false;
            }
            lines.add(option);
        }
        return complete ? lines : null;
    }

    /** A line that may start with the correct mark {@code *}. */
    static OptionLine marked(String line, char feedbackSeparator) {
        if (line.startsWith("*")) {
            var parts = Texts.splitSpaced(line.substring(1).strip(), feedbackSeparator);
            return new OptionLine(Texts.unescapeSpaced(parts[0], feedbackSeparator), true, parts[1]);
        }
        return unmarked(line, feedbackSeparator);
    }

    /** A line without the correct mark; its escapes undone in the reverse order of {@link #optionLine}'s. */
    private static OptionLine unmarked(String line, char feedbackSeparator) {
        var parts = Texts.splitSpaced(line, feedbackSeparator);
        var text = Texts.unescapeSpaced(Texts.unescapeStart(parts[0]), feedbackSeparator);
        return new OptionLine(text, false, parts[1]);
    }

    /** An option as a line: {@code * text | feedback}, the text escaped where it would read as syntax. */
    static String optionLine(Option option, boolean correct, String language, char feedbackSeparator) {
        return optionLine(option, correct ? "* " : "", language, feedbackSeparator);
    }

    /** As {@link #optionLine(Option, boolean, String, char)}, with the correct mark as given ("" when not correct). */
    static String optionLine(Option option, String correctMark, String language, char feedbackSeparator) {
        var text = Texts.escapeSpaced(flat(option, language), feedbackSeparator);
        var feedback = option.feedback() == null
                ? ""
                : " " + feedbackSeparator + " " + Texts.flat(Texts.in(option.feedback(), language));
        return (correctMark.isEmpty() ? Texts.escapeStart(text) : correctMark + text) + feedback;
    }

    /**
     * The options the lines make: each continuing a previous option keeps its id and its texts in other languages;
     * new ones get fresh ids. Null when an option could not be made (the error is recorded).
     */
    static @Nullable List<Option> options(
            FormInput in, String field, List<OptionLine> lines, List<Option> previous, IdSequence ids) {
        var continued = in.continuing(lines.stream().map(OptionLine::text).toList(), previous, Option::text);
        var options = new ArrayList<Option>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            var before = continued.get(i);
            var id = before != null ? before.id() : ids.next();
            in.name(id, line.text());
            var text = in.text(line.text(), before == null ? null : before.text(), Texts::flat);
            var previousFeedback = before == null ? null : before.feedback();
            var feedback = line.feedback() == null
                    ? previousFeedback
                    : in.optionalText(line.feedback(), previousFeedback, Texts::flat);
            var option = in.check(field, () -> new Option(id, text, feedback));
            if (option == null) {
                return null;
            }
            options.add(option);
        }
        return options;
    }

    static List<String> ids(List<Option> options) {
        return options.stream().map(Option::id).toList();
    }

    private static String flat(Option option, String language) {
        return Texts.flat(Texts.in(option.text(), language));
    }
}
