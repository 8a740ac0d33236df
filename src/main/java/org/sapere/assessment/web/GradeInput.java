package org.sapere.assessment.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.sapere.assessment.quiz.Grades;

/** What professors type into the gradebook's forms, read and checked: never an error page, always a message. */
final class GradeInput {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final int MAX_DROP_LOWEST = 10;
    static final int MAX_REASON = 500;

    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:[.,]\\d{1,12})?");

    private GradeInput() {}

    /**
     * A number from 0 to 100 written with a point or a comma ("72", "72.5", "72,5"), with at most {@code decimals}
     * decimals; null when it is not one.
     */
    static @Nullable BigDecimal percent(String typed, int decimals) {
        var text = typed.strip();
        if (!NUMBER.matcher(text).matches()) {
            return null;
        }
        var value = new BigDecimal(text.replace(',', '.'));
        if (value.compareTo(HUNDRED) > 0 || value.stripTrailingZeros().scale() > decimals) {
            return null;
        }
        return value;
    }

    static @Nullable UUID uuid(String typed) {
        try {
            return UUID.fromString(typed.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /**
     * What is wrong with an override form: a percent that is not one (a blank one removes the override, so there
     * must be one), a missing or too long reason. Empty when it can be saved.
     */
    static List<GradebookView.Problem> checkOverride(String percent, String reason, boolean overridden) {
        var problems = new ArrayList<GradebookView.Problem>();
        if (!percent.isBlank() && percent(percent, 4) == null) {
            problems.add(new GradebookView.Problem("percent", "assessment.gradebook.override.problem.percent", ""));
        } else if (percent.isBlank() && !overridden) {
            problems.add(
                    new GradebookView.Problem("percent", "assessment.gradebook.override.problem.nothingToRemove", ""));
        }
        if (reason.isBlank()) {
            problems.add(
                    new GradebookView.Problem("reason", "assessment.gradebook.override.problem.reasonMissing", ""));
        } else if (reason.strip().length() > MAX_REASON) {
            problems.add(new GradebookView.Problem(
                    "reason", "assessment.gradebook.override.problem.reasonTooLong", Integer.toString(MAX_REASON)));
        }
        return problems;
    }

    static GradebookView.PolicyForm form(Grades.Policy policy) {
        return new GradebookView.PolicyForm(
                policy.rule().name(),
                plain(policy.passingPercent()),
                plain(policy.quizWeight()),
                plain(policy.examWeight()),
                plain(policy.assignmentWeight()),
                Integer.toString(policy.dropLowest()));
    }

    /** What is wrong with a policy form; empty when it can be saved. */
    static List<GradebookView.Problem> check(GradebookView.PolicyForm form) {
        var problems = new ArrayList<GradebookView.Problem>();
        if (rule(form.rule()) == null) {
            problems.add(new GradebookView.Problem("rule", "assessment.gradebook.policy.problem.rule", ""));
        }
        if (percent(form.passingPercent(), 2) == null) {
            problems.add(
                    new GradebookView.Problem("passingPercent", "assessment.gradebook.policy.problem.percent", ""));
        }
        for (var weight : List.of(
                new String[] {"quizWeight", form.quizWeight()},
                new String[] {"examWeight", form.examWeight()},
                new String[] {"assignmentWeight", form.assignmentWeight()})) {
            if (percent(weight[1], 2) == null) {
                problems.add(new GradebookView.Problem(weight[0], "assessment.gradebook.policy.problem.weight", ""));
            }
        }
        if (dropLowest(form.dropLowest()) < 0) {
            problems.add(new GradebookView.Problem(
                    "dropLowest", "assessment.gradebook.policy.problem.drop", Integer.toString(MAX_DROP_LOWEST)));
        }
        return problems;
    }

    /** The policy a form that passed {@link #check} describes. */
    static Grades.Policy policy(UUID course, GradebookView.PolicyForm form) {
        return new Grades.Policy(
                course,
                Objects.requireNonNull(rule(form.rule())),
                Objects.requireNonNull(percent(form.passingPercent(), 2)),
                Objects.requireNonNull(percent(form.quizWeight(), 2)),
                Objects.requireNonNull(percent(form.examWeight(), 2)),
                Objects.requireNonNull(percent(form.assignmentWeight(), 2)),
                dropLowest(form.dropLowest()));
    }

    private static Grades.@Nullable Rule rule(String typed) {
        for (var rule : Grades.Rule.values()) {
            if (rule.name().equals(typed)) {
                return rule;
            }
        }
        return null;
    }

    /** 0 to {@link #MAX_DROP_LOWEST}, or -1. */
    private static int dropLowest(String typed) {
        var text = typed.strip();
        if (!text.matches("\\d{1,2}")) {
            return -1;
        }
        var value = Integer.parseInt(text);
        return value <= MAX_DROP_LOWEST ? value : -1;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
