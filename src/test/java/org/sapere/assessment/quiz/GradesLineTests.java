package org.sapere.assessment.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A learner's course result under a policy: weights per category, lowest results dropped, the passing rule. */
class GradesLineTests {

    private static final UUID COURSE = UUID.randomUUID();
    private static final UUID LEARNER = UUID.randomUUID();

    private record Result(
            QuizSettings.Category category, @Nullable String percent) {}

    private static Grades.Line line(Grades.Policy policy, Result... results) {
        var graded = new ArrayList<QuizSettings>();
        var cells = new LinkedHashMap<UUID, Grades.Cell>();
        for (var result : results) {
            var initial = QuizSettings.initial(UUID.randomUUID(), COURSE);
            graded.add(new QuizSettings(
                    initial.lesson(),
                    COURSE,
                    List.of(),
                    true,
                    true,
                    0,
                    0,
                    new BigDecimal("60"),
                    initial.feedback(),
                    true,
                    true,
                    result.category(),
                    null,
                    null));
            var percent = result.percent() == null ? null : new BigDecimal(result.percent());
            cells.put(initial.lesson(), new Grades.Cell(percent, percent, percent == null ? 0 : 1, false, null));
        }
        return Grades.line(LEARNER, cells, graded, policy);
    }

    private static Grades.Policy policy(Grades.Rule rule, String quiz, String exam, int dropLowest) {
        return new Grades.Policy(
                COURSE,
                rule,
                new BigDecimal("60"),
                new BigDecimal(quiz),
                new BigDecimal(exam),
                BigDecimal.ZERO,
                dropLowest);
    }

    private static Result quiz(@Nullable String percent) {
        return new Result(QuizSettings.Category.QUIZ, percent);
    }

    private static Result exam(@Nullable String percent) {
        return new Result(QuizSettings.Category.EXAM, percent);
    }

    @Test
    void weightedCategoriesDropTheLowestQuizButNotTheOnlyExam() {
        // Quizzes 80, not taken (0) and 90: the 0 is dropped, 85; the exam's 50 is its category's only result.
        var line = line(policy(Grades.Rule.AVERAGE, "70", "30", 1), quiz("80"), quiz(null), quiz("90"), exam("50"));
        assertThat(line.total()).isEqualByComparingTo("74.50");
        assertThat(line.passed()).isTrue();
        assertThat(line(policy(Grades.Rule.EACH_QUIZ, "70", "30", 1), quiz("80"), quiz(null), quiz("90"), exam("50"))
                        .passed())
                .isFalse();
    }

    @Test
    void averagesAreRoundedHalfUpToFourThenTwoDecimals() {
        var line = line(policy(Grades.Rule.AVERAGE, "100", "0", 0), quiz("100"), quiz("100"), quiz("0"));
        assertThat(line.total()).isEqualByComparingTo("66.67");
        var close = line(policy(Grades.Rule.EACH_QUIZ, "100", "0", 0), quiz("60"), quiz("59.9999"));
        assertThat(close.total()).isEqualByComparingTo("60.00");
        assertThat(close.passed()).as("59.9999 is below its quiz's 60").isFalse();
    }

    @Test
    void withoutWeightsEveryQuizCountsTheSame() {
        var line = line(policy(Grades.Rule.AVERAGE, "0", "0", 0), quiz("70"), exam("40"));
        assertThat(line.total()).isEqualByComparingTo("55.00");
        assertThat(line.passed()).isFalse();
        assertThat(line(policy(Grades.Rule.EACH_QUIZ, "0", "0", 0), quiz("70"), exam("60"))
                        .passed())
                .isTrue();
    }

    @Test
    void aCourseWithoutGradedQuizzesIsNotPassed() {
        var line = line(policy(Grades.Rule.AVERAGE, "100", "0", 0));
        assertThat(line.total()).isEqualByComparingTo("0");
        assertThat(line.passed()).isFalse();
        assertThat(line(policy(Grades.Rule.EACH_QUIZ, "100", "0", 0)).passed()).isFalse();
    }
}
