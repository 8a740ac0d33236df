package org.sapere.assessment.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Scores a response to an item. Items with several parts give partial credit by default, each share rounded once to
 * four decimal places (half up); {@link ScoringMode#ALL_OR_NOTHING} gives the item's points only when every part is
 * right. Per type:
 *
 * <ul>
 *   <li>single choice, true/false, numeric, short text: all points for the right answer, none otherwise;
 *   <li>multiple response, with n correct options: +points/n for each correct option chosen, −points/n for each wrong
 *       one, never below zero; all points exactly when the chosen set is the correct set;
 *   <li>fill in the blanks: an equal share per gap filled right;
 *   <li>ordering: an equal share per item in its correct position, counted from the top; an order that is not a
 *       permutation of the items scores zero;
 *   <li>matching: an equal share per left paired with its right; wrong pairs cost nothing;
 *   <li>essay: pending with no points until staff {@linkplain #grade grade} it with the rubric.
 * </ul>
 *
 * A response of another type than its item, an unanswered item, and an empty response (no option, blank text, no
 * gap filled) score zero, as incorrect and without feedback; they never throw. Option ids the item does not have are
 * ignored, so a tampered form can only lose points.
 *
 * <p>A plain class rather than a bean: scoring is a function of the item and the response, with no state and nothing
 * to inject, and tests call it directly.
 */
public final class Scoring {

    private Scoring() {}

    public static Score score(Item item, Response response) {
        return switch (item) {
            case SingleChoice i -> response instanceof Response.SingleChoice r ? singleChoice(i, r) : nothing(i);
            case MultipleResponse i ->
                response instanceof Response.MultipleResponse r ? multipleResponse(i, r) : nothing(i);
            case TrueFalse i -> response instanceof Response.TrueFalse r ? trueFalse(i, r) : nothing(i);
            case Numeric i ->
                response instanceof Response.Numeric r && !r.typed().isBlank()
                        ? whole(i, i.answer().judge(r.typed()))
                        : nothing(i);
            case ShortText i ->
                response instanceof Response.ShortText r && !r.typed().isBlank()
                        ? whole(i, text(i.accepted(), r.typed()))
                        : nothing(i);
            case FillInTheBlanks i ->
                response instanceof Response.FillInTheBlanks r ? fillInTheBlanks(i, r) : nothing(i);
            case Ordering i -> response instanceof Response.Ordering r ? ordering(i, r) : nothing(i);
            case Matching i -> response instanceof Response.Matching r ? matching(i, r) : nothing(i);
            case Essay i ->
                response instanceof Response.Essay r && !r.text().isBlank()
                        ? new Score(BigDecimal.ZERO, i.info().points(), Correctness.PENDING, List.of())
                        : nothing(i);
        };
    }

    /**
     * Staff's grade of an essay: the points of the level chosen for each criterion ({@code levels} maps criterion id
     * to level id), summed and capped at the item's points. All or nothing gives the points only when the capped sum
     * reaches them. The feedback holds each criterion's level description, correct at the criterion's best level,
     * incorrect at a level worth nothing, partial in between.
     *
     * @throws InvalidGradeException when a criterion is not graded, or a criterion or level id is not the rubric's
     */
    public static Score grade(Essay essay, Map<String, String> levels) {
        var criteria = essay.rubric().criteria();
        for (var criterionId : levels.keySet()) {
            if (criteria.stream().noneMatch(c -> c.id().equals(criterionId))) {
                throw new InvalidGradeException("assessment.grade.unknownCriterion", criterionId);
            }
        }
        var sum = BigDecimal.ZERO;
        var feedback = new ArrayList<Feedback>();
        for (var criterion : criteria) {
            var levelId = levels.get(criterion.id());
            if (levelId == null) {
                throw new InvalidGradeException("assessment.grade.criterionNotGraded", criterion.id());
            }
            var level = criterion
                    .level(levelId)
                    .orElseThrow(() -> new InvalidGradeException("assessment.grade.unknownLevel", levelId));
            sum = sum.add(level.points());
            Correctness correctness;
            if (level.points().compareTo(criterion.maxPoints()) == 0) {
                correctness = Correctness.CORRECT;
            } else if (level.points().signum() == 0) {
                correctness = Correctness.INCORRECT;
            } else {
                correctness = Correctness.PARTIAL;
            }
            feedback.add(new Feedback(criterion.id(), correctness, level.description(), null));
        }
        var max = essay.info().points();
        var points = sum.min(max);
        if (essay.info().scoringMode() == ScoringMode.ALL_OR_NOTHING && points.compareTo(max) < 0) {
            points = BigDecimal.ZERO;
        }
        return Score.of(points, max, feedback);
    }

    private static Score singleChoice(SingleChoice item, Response.SingleChoice response) {
        var chosen = item.options().stream()
                .filter(o -> o.id().equals(response.chosen()))
                .findFirst();
        if (chosen.isEmpty()) {
            return nothing(item);
        }
        var right = chosen.get().id().equals(item.correct());
        return parts(
                item,
                right ? 1 : 0,
                1,
                List.of(Feedback.of(chosen.get().id(), right, chosen.get().feedback(), null)));
    }

    private static Score multipleResponse(MultipleResponse item, Response.MultipleResponse response) {
        int right = 0;
        int wrong = 0;
        var feedback = new ArrayList<Feedback>();
        for (var option : item.options()) {
            if (response.chosen().contains(option.id())) {
                var correct = item.correct().contains(option.id());
                if (correct) {
                    right++;
                } else {
                    wrong++;
                }
                feedback.add(Feedback.of(option.id(), correct, option.feedback(), null));
            }
        }
        // Net right answers reach n exactly when the correct set, and nothing else, was chosen: so the same count
        // serves all or nothing.
        return parts(item, Math.max(0, right - wrong), item.correct().size(), feedback);
    }

    private static Score trueFalse(TrueFalse item, Response.TrueFalse response) {
        var right = response.answer() == item.correct();
        var text = response.answer() ? item.trueFeedback() : item.falseFeedback();
        return parts(item, right ? 1 : 0, 1, List.of(Feedback.of(Feedback.ANSWER, right, text, null)));
    }

    private static Score whole(Item item, Verdict verdict) {
        var feedback = Feedback.of(Feedback.ANSWER, verdict.correct(), null, verdict.reason());
        return parts(item, verdict.correct() ? 1 : 0, 1, List.of(feedback));
    }

    private static Score fillInTheBlanks(FillInTheBlanks item, Response.FillInTheBlanks response) {
        if (response.gaps().values().stream().allMatch(String::isBlank)) {
            return nothing(item);
        }
        int right = 0;
        var feedback = new ArrayList<Feedback>();
        for (var gap : item.gaps()) {
            var typed = response.gaps().getOrDefault(gap.id(), "");
            if (typed.isBlank()) {
                feedback.add(Feedback.of(gap.id(), false, null, null));
                continue;
            }
            var verdict = gap(gap, typed);
            if (verdict.correct()) {
                right++;
            }
            var text = gap instanceof Gap.InlineChoice choice
                    ? choice.options().stream()
                            .filter(o -> o.id().equals(typed))
                            .findFirst()
                            .map(Option::feedback)
                            .orElse(null)
                    : null;
            feedback.add(Feedback.of(gap.id(), verdict.correct(), text, verdict.reason()));
        }
        return parts(item, right, item.gaps().size(), feedback);
    }

    private static Verdict gap(Gap gap, String typed) {
        return switch (gap) {
            case Gap.Text text -> text(text.accepted(), typed);
            case Gap.Numeric number -> number.answer().judge(typed);
            case Gap.InlineChoice choice -> typed.equals(choice.correct()) ? Verdict.RIGHT : Verdict.WRONG;
        };
    }

    private static Verdict text(List<TextAnswer> accepted, String typed) {
        if (typed.length() > TextAnswer.MAX_LENGTH) {
            return Verdict.wrong("assessment.feedback.tooLong");
        }
        return accepted.stream().anyMatch(a -> a.matches(typed)) ? Verdict.RIGHT : Verdict.WRONG;
    }

    private static Score ordering(Ordering item, Response.Ordering response) {
        if (response.order().isEmpty()) {
            return nothing(item);
        }
        var ids = item.items().stream().map(Option::id).toList();
        if (response.order().size() != ids.size() || !new HashSet<>(response.order()).equals(new HashSet<>(ids))) {
            var notAPermutation =
                    new Feedback(Feedback.ANSWER, Correctness.INCORRECT, null, "assessment.feedback.notAPermutation");
            return Score.of(BigDecimal.ZERO, item.info().points(), List.of(notAPermutation));
        }
        int right = 0;
        var feedback = new ArrayList<Feedback>();
        for (int position = 0; position < ids.size(); position++) {
            var placed = response.order().get(position);
            var correct = placed.equals(ids.get(position));
            if (correct) {
                right++;
            }
            var option = item.items().get(ids.indexOf(placed));
            feedback.add(Feedback.of(placed, correct, option.feedback(), null));
        }
        return parts(item, right, ids.size(), feedback);
    }

    private static Score matching(Matching item, Response.Matching response) {
        int right = 0;
        var feedback = new ArrayList<Feedback>();
        for (var left : item.lefts()) {
            var paired = response.pairs().get(left.id());
            if (paired == null) {
                continue;
            }
            var correct = paired.equals(item.pairs().get(left.id()));
            if (correct) {
                right++;
            }
            feedback.add(Feedback.of(left.id(), correct, left.feedback(), null));
        }
        if (feedback.isEmpty()) {
            return nothing(item);
        }
        return parts(item, right, item.lefts().size(), feedback);
    }

    /** {@code right} of {@code total} parts right, in the item's scoring mode. */
    private static Score parts(Item item, int right, int total, List<Feedback> feedback) {
        var max = item.info().points();
        var points = switch (item.info().scoringMode()) {
            case PARTIAL -> Score.share(max, right, total);
            case ALL_OR_NOTHING -> right == total ? max : BigDecimal.ZERO;
        };
        return Score.of(points, max, feedback);
    }

    private static Score nothing(Item item) {
        return Score.of(BigDecimal.ZERO, item.info().points(), List.of());
    }
}
