package org.sapere.assessment.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.domain.Difficulty;
import org.sapere.assessment.domain.Item;
import org.sapere.assessment.domain.ItemInfo;
import org.sapere.assessment.domain.ScoringMode;
import org.sapere.assessment.domain.TrueFalse;
import org.sapere.assessment.web.ItemForm.ItemInfoBase;
import org.sapere.shared.LocalizedText;

/** The fields every item has (stem, explanation, hints, points, scoring, difficulty, tags, skills), and true/false. */
final class CommonFields {

    static final String PARTIAL = "partial";
    static final String ALL_OR_NOTHING = "all-or-nothing";

    private CommonFields() {}

    static @Nullable ItemInfo read(FormInput in, ItemInfoBase base) {
        var previous = base.previous() == null ? null : base.previous().info();
        var stem = in.text(in.markdown("stem"), previous == null ? null : previous.stem(), Texts::markdown);
        var explanation = in.optionalText(
                in.markdown("explanation"), previous == null ? null : previous.explanation(), Texts::markdown);
        var hints = hints(in, previous == null ? List.of() : previous.hints());
        var points = points(in);
        var difficulty = difficulty(in);
        var scoring = scoring(in);
        if (points == null || in.hasErrors()) {
            return null;
        }
        return in.check(
                e -> e.messageKey().startsWith("assessment.item.points")
                        ? "points"
                        : e.messageKey().equals("assessment.item.blankStem") ? "stem" : "",
                () -> new ItemInfo(
                        base.id(),
                        base.version(),
                        stem,
                        explanation,
                        hints,
                        points,
                        labels(in.raw("tags")),
                        labels(in.raw("skills")),
                        difficulty,
                        scoring));
    }

    /** Common fields good enough to check the type's own fields against when the real ones have errors. */
    static ItemInfo standIn(FormInput in) {
        var info = ItemInfo.of(LocalizedText.of(in.language(), "?"), BigDecimal.ONE);
        var points = FormInput.number(in.line("points"));
        if (points == null
                || points.signum() <= 0
                || points.stripTrailingZeros().scale() > 4) {
            return info;
        }
        return info.withPoints(points);
    }

    private static List<LocalizedText> hints(FormInput in, List<LocalizedText> previous) {
        var lines = in.lines("hints");
        var continued = in.continuing(lines, previous, hint -> hint);
        var hints = new ArrayList<LocalizedText>();
        for (int i = 0; i < lines.size(); i++) {
            hints.add(in.text(lines.get(i), continued.get(i), Texts::flat));
        }
        return hints;
    }

    /** The points; 1 when left empty. */
    private static @Nullable BigDecimal points(FormInput in) {
        return in.line("points").isEmpty() ? BigDecimal.ONE : in.decimal("points");
    }

    private static @Nullable Difficulty difficulty(FormInput in) {
        var typed = in.line("difficulty");
        if (typed.isEmpty()) {
            return null;
        }
        return Arrays.stream(Difficulty.values())
                .filter(d -> d.name().equalsIgnoreCase(typed))
                .findFirst()
                .orElseGet(() -> {
                    in.error("difficulty", "assessment.form.invalidChoice", typed);
                    return null;
                });
    }

    private static ScoringMode scoring(FormInput in) {
        return switch (in.line("scoring")) {
            case "", PARTIAL -> ScoringMode.PARTIAL;
            case ALL_OR_NOTHING -> ScoringMode.ALL_OR_NOTHING;
            default -> {
                in.error("scoring", "assessment.form.invalidChoice", in.line("scoring"));
                yield ScoringMode.PARTIAL;
            }
        };
    }

    /** Comma-separated labels; the item trims them and drops blanks and repeats. */
    private static List<String> labels(String typed) {
        return Arrays.asList(Texts.flat(typed).split(","));
    }

    static void write(ItemInfo info, String language, Map<String, String> fields) {
        fields.put("stem", Texts.markdown(Texts.in(info.stem(), language)));
        fields.put("explanation", markdown(info.explanation(), language));
        fields.put(
                "hints",
                String.join(
                        "\n",
                        info.hints().stream()
                                .map(h -> Texts.flat(Texts.in(h, language)))
                                .toList()));
        fields.put("points", Texts.points(info.points()));
        fields.put("scoring", info.scoringMode() == ScoringMode.PARTIAL ? PARTIAL : ALL_OR_NOTHING);
        fields.put(
                "difficulty",
                info.difficulty() == null ? "" : info.difficulty().name().toLowerCase(Locale.ROOT));
        fields.put("tags", String.join(", ", info.tags()));
        fields.put("skills", String.join(", ", info.skills()));
    }

    static @Nullable Item trueFalse(FormInput in, ItemInfo info) {
        var previous = in.previous() instanceof TrueFalse t ? t : null;
        var answer = in.line("answer");
        var feedbackTrue = in.optionalText(
                in.markdown("feedbackTrue"), previous == null ? null : previous.trueFeedback(), Texts::markdown);
        var feedbackFalse = in.optionalText(
                in.markdown("feedbackFalse"), previous == null ? null : previous.falseFeedback(), Texts::markdown);
        if (!answer.equals("true") && !answer.equals("false")) {
            in.error("answer", "assessment.form.chooseAnswer");
            return null;
        }
        return new TrueFalse(info, answer.equals("true"), feedbackTrue, feedbackFalse);
    }

    static void writeTrueFalse(TrueFalse item, String language, Map<String, String> fields) {
        fields.put("answer", String.valueOf(item.correct()));
        fields.put("feedbackTrue", markdown(item.trueFeedback(), language));
        fields.put("feedbackFalse", markdown(item.falseFeedback(), language));
    }

    static String markdown(@Nullable LocalizedText text, String language) {
        return text == null ? "" : Texts.markdown(Texts.in(text, language));
    }
}
