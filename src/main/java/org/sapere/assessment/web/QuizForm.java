package org.sapere.assessment.web;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Small parsers for the quiz form, each adding a problem instead of failing. */
public final class QuizForm {

    private QuizForm() {}

    public record Problem(String field, String key) {}

    static @Nullable Integer integer(String text, int min, int max, String field, List<Problem> problems) {
        try {
            var n = Integer.parseInt(text.isBlank() ? "0" : text);
            if (n < min || n > max) {
                problems.add(new Problem(field, "assessment.quiz.form.range." + field));
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(new Problem(field, "assessment.quiz.form.number"));
            return null;
        }
    }

    static @Nullable BigDecimal percent(String text, String field, List<Problem> problems) {
        try {
            var p = new BigDecimal(text.replace(',', '.'));
            if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0 || p.scale() > 2) {
                problems.add(new Problem(field, "assessment.quiz.form.percent"));
                return null;
            }
            return p;
        } catch (NumberFormatException e) {
            problems.add(new Problem(field, "assessment.quiz.form.percent"));
            return null;
        }
    }

    static <E extends Enum<E>> @Nullable E option(String text, Class<E> type, String field, List<Problem> problems) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(field, "assessment.quiz.form.option"));
            return null;
        }
    }
}
