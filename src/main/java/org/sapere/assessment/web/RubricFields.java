package org.sapere.assessment.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.domain.Essay;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.ItemInfo;
import org.sapere.assessment.domain.Rubric;
import org.sapere.assessment.domain.Rubric.Criterion;
import org.sapere.assessment.domain.Rubric.Level;

/** An essay: word limits, and its rubric, one criterion a line: {@code Argument: Strong = 3; Weak = 1; None = 0}. */
final class RubricFields {

    private RubricFields() {}

    /** A rubric line as typed: the criterion's name and its levels. */
    private record CriterionLine(String name, List<LevelLine> levels) {}

    private record LevelLine(String name, BigDecimal points) {}

    static @Nullable Item essay(FormInput in, ItemInfo info) {
        var minWords = in.whole("minWords");
        var maxWords = in.whole("maxWords");
        var previous = in.previous() instanceof Essay e ? e.rubric().criteria() : List.<Criterion>of();
        var lines = new ArrayList<CriterionLine>();
        for (var line : in.lines("rubric")) {
            var parsed = criterionLine(line);
            if (parsed == null) {
                in.error("rubric", "assessment.form.rubricSyntax", line);
            } else {
                lines.add(parsed);
            }
        }
        var continued =
                in.continuing(lines.stream().map(CriterionLine::name).toList(), previous, Criterion::description);
        var ids = new IdSequence(previous.stream().map(Criterion::id).toList());
        var criteria = new ArrayList<Criterion>();
        for (int i = 0; i < lines.size(); i++) {
            var criterion = criterion(in, lines.get(i), continued.get(i), ids);
            if (criterion != null) {
                criteria.add(criterion);
            }
        }
        if (in.hasErrors()) {
            return null;
        }
        var rubric = in.check("rubric", () -> new Rubric(criteria));
        if (rubric == null) {
            return null;
        }
        return in.check(
                e -> switch (e.messageKey()) {
                    case "assessment.item.wordLimitNotPositive" ->
                        e.argument().equals(minWords) ? "minWords" : "maxWords";
                    case "assessment.item.wordLimits" -> "maxWords";
                    default -> "rubric";
                },
                () -> new Essay(info, rubric, minWords, maxWords));
    }

    private static @Nullable Criterion criterion(
            FormInput in, CriterionLine line, @Nullable Criterion before, IdSequence ids) {
        var id = before != null ? before.id() : ids.next();
        in.name(id, line.name());
        var description = in.text(line.name(), before == null ? null : before.description(), Texts::flat);
        var previousLevels = before == null ? List.<Level>of() : before.levels();
        var continued =
                in.continuing(line.levels().stream().map(LevelLine::name).toList(), previousLevels, Level::description);
        var levelIds = new IdSequence(previousLevels.stream().map(Level::id).toList());
        var levels = new ArrayList<Level>();
        for (int i = 0; i < line.levels().size(); i++) {
            var typed = line.levels().get(i);
            var levelBefore = continued.get(i);
            var levelId = levelBefore != null ? levelBefore.id() : levelIds.next();
            var levelText = in.text(typed.name(), levelBefore == null ? null : levelBefore.description(), Texts::flat);
            var level = in.check("rubric", () -> new Level(levelId, levelText, typed.points()));
            if (level == null) {
                return null;
            }
            levels.add(level);
        }
        return in.check("rubric", () -> new Criterion(id, description, levels));
    }

    /** {@code Name: Level = points; Level = points}, or null when the line is not of that form. */
    private static @Nullable CriterionLine criterionLine(String line) {
        var parts = Texts.split(line, ':');
        var name = Texts.unescape(parts.getFirst(), ':').strip();
        if (parts.size() < 2 || name.isEmpty()) {
            return null;
        }
        var rest = String.join(":", parts.subList(1, parts.size()));
        var levels = new ArrayList<LevelLine>();
        for (var part : Texts.split(rest, ';')) {
            if (part.isBlank()) {
                continue;
            }
            var equals = part.lastIndexOf('=');
            if (equals < 0) {
                return null;
            }
            var levelName = Texts.unescape(part.substring(0, equals), ';').strip();
            var points = FormInput.number(part.substring(equals + 1));
            if (levelName.isEmpty() || points == null) {
                return null;
            }
            levels.add(new LevelLine(levelName, points));
        }
        return levels.isEmpty() ? null : new CriterionLine(name, levels);
    }

    static void write(Essay essay, String language, Map<String, String> fields) {
        fields.put("minWords", essay.minWords() == null ? "" : essay.minWords().toString());
        fields.put("maxWords", essay.maxWords() == null ? "" : essay.maxWords().toString());
        var lines = new ArrayList<String>();
        for (var criterion : essay.rubric().criteria()) {
            var levels = criterion.levels().stream()
                    .map(l -> Texts.escape(Texts.flat(Texts.in(l.description(), language)), ';') + " = "
                            + Texts.points(l.points()))
                    .toList();
            lines.add(Texts.escape(Texts.flat(Texts.in(criterion.description(), language)), ':') + ": "
                    + String.join("; ", levels));
        }
        fields.put("rubric", String.join("\n", lines));
    }
}
